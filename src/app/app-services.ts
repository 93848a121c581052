import type { AppConfig } from '../config/config-schema.ts';
import type { CommandDefinition } from '../core/commands/command-definition.ts';
import type { CoreServices, PostmortemDraft } from '../core/core-services.ts';
import type { StoredEvent } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { JobQueue } from '../ports/job-queue.ts';

/** The core's services plus what the jobs and reactions outside the core use: the config and the queue. */
export interface AppServices extends CoreServices {
  config: AppConfig;
  jobs: JobQueue;
  commands: readonly CommandDefinition[];
  postmortems: CoreServices['postmortems'] & {
    /** Renders and writes at once, for tools and benchmarks. */
    generate(ref: IncidentRef, template: string | undefined): Promise<PostmortemDraft>;
    /** The content of the file a recorded `postmortem_generated` event stands for (the web view's download). */
    renderWritten(
      ref: IncidentRef,
      generated: Extract<StoredEvent, { type: 'postmortem_generated' }>,
    ): Promise<string>;
  };
}
