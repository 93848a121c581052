import type { AppConfig } from '../config/config-schema.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Metrics } from '../ports/metrics.ts';
import type { CommandDefinition } from './commands/command-definition.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { Clock } from './time/clock.ts';

export interface PostmortemDraft {
  path: string;
  content: string;
  template: string;
  digest: string;
  /** What changed since the previous draft, in words; empty for a first draft or when nothing did. */
  changes: string[];
  /** When the previous draft was written (ISO-8601); absent for a first draft. */
  previousAt?: string;
}

/** Renders and writes the postmortem draft of an incident. */
export interface PostmortemWriter {
  generate(ref: IncidentRef, template: string | undefined): Promise<PostmortemDraft>;
  templateNames(): string[];
}

/** What commands may use. Built once by the composition root. */
export interface CoreServices {
  store: IncidentStore;
  jobs: JobQueue;
  clock: Clock;
  config: AppConfig;
  commands: readonly CommandDefinition[];
  postmortems: PostmortemWriter;
  /** The chat platforms this process is connected to (for backfill before a draft). */
  platforms: PlatformRegistry;
  /** Counters and histograms (pages, escalations, MTTA/MTTR); absent in tests and tools. */
  metrics?: Metrics;
}
