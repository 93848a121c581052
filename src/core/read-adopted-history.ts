import { commitHistory } from './backfill-incident.ts';
import type { CoreServices } from './core-services.ts';
import type { EventOf } from './model/events.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { HistoryProgress } from './model/incident-state.ts';
import { formatClock } from './time/format-time.ts';

/** What the job reading an adopted channel's history does next. */
export type HistoryStep =
  | { done: true; progress?: HistoryProgress }
  | {
      done: false;
      waitMs: number;
      progress: HistoryProgress;
      /** This step found the platform slow (a long Retry-After) where it was not known to be. */
      turnedSlow: boolean;
    };

/**
 * One request of an adopted channel's history: the page from where the log says the read got to,
 * written with a `history_progress` event in the same append, so a restart goes on from the last
 * page recorded and no message is lost; one read twice (a crash before the append) is skipped
 * like any captured message seen before, by its id.
 */
export async function readHistoryStep(
  services: CoreServices,
  ref: IncidentRef,
  channel: { id: string; name: string },
): Promise<HistoryStep> {
  const state = await services.store.state(ref);
  const platform = services.platforms.get(ref.platform);
  if (!state || !platform?.readHistoryPage) return { done: true };
  if (state.history?.done) return { done: true, progress: state.history };
  const incident = { ...state, channel: state.channel ?? channel };
  const before = state.history;
  const page = await platform.readHistoryPage(incident, before?.position);
  const requestsPerMinute = page.requestsPerMinute ?? before?.requestsPerMinute;
  let backTo = before?.backTo;
  for (const message of page.messages) {
    const at = message.occurredAt.toISOString();
    if (backTo === undefined || at < backTo) backTo = at;
  }
  const progress: HistoryProgress = {
    read: (before?.read ?? 0) + page.messages.length,
    ...(backTo === undefined ? {} : { backTo }),
    ...(page.position === undefined ? {} : { position: page.position }),
    done: page.position === undefined,
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
  };
  const turnedSlow = requestsPerMinute !== undefined && before?.requestsPerMinute === undefined;
  // A refused request (a 429) moved nothing: the log is not told about it.
  const moved = page.messages.length > 0 || turnedSlow || progress.done || page.position !== before?.position;
  if (moved) {
    const event: Omit<EventOf<'history_progress'>, 'at' | 'actor' | 'origin'> = {
      type: 'history_progress',
      ...progress,
    };
    await commitHistory(services, incident, page.messages, [event]);
  }
  if (progress.done) return { done: true, progress };
  return { done: false, waitMs: page.waitMs, progress, turnedSlow };
}

/** "1 request a minute", "2 requests a minute". */
export function paceText(requestsPerMinute: number): string {
  return `${requestsPerMinute} request${requestsPerMinute === 1 ? '' : 's'} a minute`;
}

/** What the channel is told when the platform turns out to read history slowly for this app. */
export function slowHistoryNotice(progress: HistoryProgress, timeZone: string): string {
  const pace = paceText(progress.requestsPerMinute ?? 1);
  const sofar =
    progress.read === 0
      ? 'Nothing is in yet'
      : `${progress.read.toLocaleString('en-US')} message${progress.read === 1 ? ' is' : 's are'} in so far${
          progress.backTo ? `, back to ${formatClock(progress.backTo, timeZone)}` : ''
        }`;
  return (
    `This channel's history comes in slowly: the platform lets tocsin read it at ${pace}, ` +
    `so it keeps reading in the background. ${sofar}; the pinned summary shows how far it has got.`
  );
}
