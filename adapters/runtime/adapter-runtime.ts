import type { InboundEvent, IncidentCore, Reply } from '../../src/core/public-api.ts';
import { systemErrorReply } from '../../src/core/public-api.ts';
import { ChannelQueue } from './channel-queue.ts';
import { type Warn, WorkInFlight } from './work-in-flight.ts';

export interface AdapterRuntimeOptions {
  core: IncidentCore;
  warn: Warn;
  /** How long a command waits for the one before it in its channel (see ChannelQueue). */
  maxChannelWaitMs?: number;
}

/**
 * What every adapter does between receiving a platform event and rendering the answer, the same
 * way on Slack, Discord and the console: commands of one channel run one after another, the work
 * is tracked so that a shutdown can wait for it, and a failure of the core becomes the shared
 * wording (systemErrorReply) instead of an exception, so every platform promises the same thing
 * about what was recorded. Adapters translate events in and replies out; nothing else.
 *
 * The reply comes back redacted by the core; adapters render it as it is.
 */
export class AdapterRuntime {
  private readonly core: IncidentCore;
  private readonly warn: Warn;
  private readonly queue: ChannelQueue;
  private readonly work: WorkInFlight;

  constructor(options: AdapterRuntimeOptions) {
    this.core = options.core;
    this.warn = options.warn;
    this.queue = new ChannelQueue(options.maxChannelWaitMs);
    this.work = new WorkInFlight(options.warn);
  }

  /**
   * A command (typed, clicked or submitted), run after the commands delivered before it in the
   * same channel. Undefined when the core has nothing to say (a delivery seen before).
   */
  command(event: InboundEvent): Promise<Reply | undefined> {
    const { workspace, channel } = event.context;
    return this.queue.run(`${workspace}:${channel}`, () => this.answer(event));
  }

  /**
   * Anything else the core takes (chatter, edits, deletions, 📌), or a command that must not
   * wait for its channel's queue. Never throws: a failure is logged and answered in the shared wording.
   */
  async answer(event: InboundEvent): Promise<Reply | undefined> {
    try {
      return await this.core.process(event);
    } catch (error) {
      return this.failed(`the core could not process a ${event.kind}`, error);
    }
  }

  /** A failure around the core (reading state for a reply), logged and worded as the core's are. */
  failed(message: string, error: unknown): Reply {
    this.warn(message, error);
    return systemErrorReply(error);
  }

  /** Work done after a delivery was acknowledged; see WorkInFlight. */
  run(label: string, work: () => Promise<unknown>): Promise<void> {
    return this.work.run(label, work);
  }

  /** Takes no new work from now on (a shutdown); work already started carries on. */
  close(): void {
    this.work.close();
  }

  drained(timeoutMs: number): Promise<boolean> {
    return this.work.drained(timeoutMs);
  }

  idle(): Promise<void> {
    return this.work.idle();
  }
}
