import type { AppServices } from '../app/app-services.ts';
import type { JobHandler } from '../jobs/bullmq-job-queue.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import { createRedactor } from '../redaction/redact-secrets.ts';
import { autoEscalate } from './jobs/auto-escalate.ts';
import { deliverPage } from './jobs/deliver-page.ts';
import { fireEscalationStep } from './jobs/fire-escalation-step.ts';
import { pageOnDeclare } from './jobs/page-on-declare.ts';
import { reactToPagingEvent } from './jobs/react-to-paging-event.ts';
import { sendReminder } from './jobs/send-reminder.ts';
import { createPagers, type PagerEndpoints } from './pagers/pager-registry.ts';
import { PAGING_JOBS } from './paging-job-ids.ts';

export type { PagerEndpoints } from './pagers/pager-registry.ts';

/** Wires paging into a job queue: pagers from the config, and a handler for every paging job. */
export function registerPaging(input: {
  jobs: { handle(name: string, handler: JobHandler): void };
  services: AppServices;
  platforms: PlatformRegistry;
  endpoints: PagerEndpoints;
}): void {
  const { jobs, services, platforms } = input;
  const ctx = {
    services,
    platforms,
    pagers: createPagers(
      services.config.pagers,
      input.endpoints,
      platforms,
      createRedactor(services.config.redaction.extra_patterns),
    ),
  };
  jobs.handle(PAGING_JOBS.declared, pageOnDeclare(ctx));
  jobs.handle(PAGING_JOBS.reaction, reactToPagingEvent(ctx));
  jobs.handle(PAGING_JOBS.delivery, deliverPage(ctx));
  jobs.handle(PAGING_JOBS.step, fireEscalationStep(ctx));
  jobs.handle(PAGING_JOBS.autoEscalate, autoEscalate(ctx));
  jobs.handle(PAGING_JOBS.reminder, sendReminder(ctx));
}
