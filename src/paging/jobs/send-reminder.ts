import { incidentLabel } from '../../core/model/incident-ref.ts';
import type { IncidentState } from '../../core/model/incident-state.ts';
import { describeWait, durationText } from '../../core/policy/describe-wait.ts';
import type { ActionButton } from '../../ports/chat-platform.ts';
import { appendPagingEvents } from '../append-paging-events.ts';
import { postIncidentNotice } from '../incident-notice.ts';
import type { PagingContext } from '../paging-context.ts';
import { eventsOf, readPagingLog } from '../paging-log.ts';
import { planStatusCheck, type ReminderJob, STATUS_UPDATE, statusUpdateDue } from '../paging-timers.ts';
import { policyFor } from '../severity-policy.ts';

interface Nudge {
  key: string;
  reminder: string;
  /** What the timeline shows. */
  text: string;
  /** What the channel is told, when it says more than the timeline. */
  post?: string;
  buttons?: ActionButton[];
  mentions?: string[];
}

/**
 * Reminders: each decides from the log whether it is still due, is recorded once (by key) as a
 * `reminder_sent` event, and only then is posted in the channel.
 */
export function sendReminder(ctx: PagingContext) {
  return async (data: unknown): Promise<void> => {
    const job = data as ReminderJob;
    const { services } = ctx;
    const now = () => services.clock.now().getTime();
    let nudge: Nudge | undefined;
    const appended = await appendPagingEvents(services, job.ref, (log, state) => {
      nudge = decideNudge(job, log, state, now(), ctx);
      if (!nudge || eventsOf(log, 'reminder_sent').some((event) => event.key === nudge?.key))
        return undefined;
      return [{ type: 'reminder_sent', reminder: nudge.reminder, text: nudge.text, key: nudge.key }];
    });
    const state = await services.store.state(job.ref);
    if (!state) return;
    if (appended.length > 0 && nudge) {
      const { buttons, mentions } = nudge;
      await postIncidentNotice(ctx.platforms, state, nudge.post ?? nudge.text, {
        ...(buttons ? { buttons } : {}),
        ...(mentions ? { mentions } : {}),
      }).catch(() => {});
    }
    // The status nudge is a loop: the next check is planned from what the log now says.
    if (job.kind === 'status')
      await planStatusCheck(ctx, state, await readPagingLog(services.store, job.ref));
  };
}

function decideNudge(
  job: ReminderJob,
  log: Parameters<typeof statusUpdateDue>[0],
  state: IncidentState,
  now: number,
  ctx: PagingContext,
): Nudge | undefined {
  const label = incidentLabel(state.number);
  switch (job.kind) {
    case 'status': {
      const interval = policyFor(ctx.services.config.severities, state.severity).updateIntervalMs;
      if (state.status === 'resolved' || interval === undefined) return undefined;
      const due = statusUpdateDue(log, interval);
      // BullMQ can fire a hair early by the injected clock: the job planned for this due time is due.
      if (due > now && due !== job.dueMs) return undefined;
      const snooze = durationText(2 * interval);
      return {
        key: `status:${due}`,
        reminder: STATUS_UPDATE,
        text: `Status update reminder: ${state.severity} expects one every ${describeWait(interval)}`,
        post:
          `No status update on ${label} for ${describeWait(interval)} (${state.severity} expects one every ` +
          `${describeWait(interval)}). Post one with /incident status <investigating|identified|monitoring> <message>.`,
        buttons: [{ label: `Snooze ${snooze}`, command: `snooze ${snooze}` }],
      };
    }
    case 'commander': {
      if (state.status === 'resolved' || state.roles.commander) return undefined;
      return {
        key: 'no_commander',
        reminder: 'no_commander',
        text: `No commander yet, ${describeWait(now - Date.parse(state.declaredAt))} after declaration`,
        post: `${label} has no commander yet. Whoever leads the response: /incident role commander @you.`,
      };
    }
    case 'postmortem': {
      const reopened = log.some(
        ({ revision, event }) => revision > job.resolvedRevision && event.type === 'reopened',
      );
      if (reopened) return undefined;
      const draft = eventsOf(log, 'postmortem_generated').at(-1);
      return {
        key: `postmortem:r${job.resolvedRevision}`,
        reminder: 'postmortem_due',
        text: `Postmortem due${draft ? ` (latest draft ${draft.path})` : ' (no draft yet)'}`,
        post:
          `The postmortem of ${label} is due now.` +
          (draft
            ? ` The latest draft is ${draft.path}.`
            : ' There is no draft yet: start one with /incident postmortem.'),
      };
    }
    case 'action': {
      const item = state.actionItems.find((candidate) => candidate.itemId === job.itemId);
      // Done before it was due: nobody needs reminding.
      if (!item || item.done) return undefined;
      const owner = item.owner ? ` (owner ${item.owner.name})` : '';
      return {
        key: `action:${item.itemId}`,
        reminder: 'action_item_due',
        text: `Action item ${item.itemId} due ${item.due}${owner}: ${item.text}`,
        ...(item.owner ? { mentions: [item.owner.id] } : {}),
      };
    }
  }
}
