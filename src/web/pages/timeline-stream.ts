import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StoredEvent } from '../../core/model/events.ts';
import type { IncidentState } from '../../core/model/incident-state.ts';
import { TimelineBuilder } from '../../core/timeline/build-timeline.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';
import type { TextRedactor } from '../../ports/redactor.ts';
import { timelineRow } from './incident-page.ts';

export interface StreamOptions {
  store: IncidentStore;
  redactor: TextRedactor;
  timeZone: string;
  pollMs: number;
  /** A stream ends after this long; the browser reconnects (authorised again) from where it was. */
  lifetimeMs: number;
}

/** Events that change entries already on the page (a promoted or edited message): reload to see. */
const CHANGES_EARLIER = new Set(['message_edited', 'message_deleted', 'message_promoted', 'message_demoted']);
const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/**
 * The live timeline: the log read on from a stream id (the page's, or Last-Event-ID after a
 * reconnect), each new event turned into timeline rows by the same view the page uses.
 */
export function timelineStream(c: Context, state: IncidentState, options: StreamOptions): Response {
  const given = c.req.header('Last-Event-ID') ?? c.req.query('after') ?? '';
  let after = STREAM_ID.test(given) ? given : state.lastEventId;
  return streamSSE(c, async (stream) => {
    let open = true;
    stream.onAbort(() => {
      open = false;
    });
    const until = Date.now() + options.lifetimeMs;
    try {
      while (open && Date.now() < until) {
        const before = after;
        for await (const page of options.store.scan(state.ref, 500, after)) {
          for (const event of page) {
            await send(event);
            after = event.id;
          }
        }
        // Chatter shows nowhere on the timeline, but a reconnect should not read it again.
        if (after !== before) await stream.writeSSE({ event: 'mark', id: after, data: '' });
        await stream.sleep(options.pollMs);
      }
    } catch {
      // Redis went away (a shutdown): end the stream; the browser reconnects and is told then.
    }

    async function send(event: StoredEvent): Promise<void> {
      if (CHANGES_EARLIER.has(event.type)) {
        await stream.writeSSE({ event: 'changed', id: event.id, data: '{}' });
        return;
      }
      const builder = new TimelineBuilder();
      builder.add(event);
      for (const entry of builder.build()) {
        const row = timelineRow(entry, options.timeZone);
        const redacted = Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, options.redactor.redact(value)]),
        );
        await stream.writeSSE({ event: 'entry', id: event.id, data: JSON.stringify(redacted) });
      }
    }
  });
}
