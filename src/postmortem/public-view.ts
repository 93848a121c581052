import { dayjs } from '../core/time/dayjs.ts';
import type { ActionItem, Moment, PublicView, Resolution, Span, StatusUpdate } from './postmortem-model.ts';
import type { PublicText } from './public-text.ts';

export interface PublicViewInput {
  title: string;
  started: Moment;
  ended?: Moment;
  duration?: Span;
  statusUpdates: readonly StatusUpdate[];
  resolutions: readonly Resolution[];
  actionItems: readonly ActionItem[];
  scrubber: PublicText;
}

const LABELS: Record<StatusUpdate['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
};

function day(moment: Moment): string {
  return dayjs(moment.iso).utc().format('MMM D, YYYY');
}

/** `Nov 20, 2025 15:23–15:45 UTC`, or both dates when it spans midnight. */
function windowText(started: Moment, ended: Moment | undefined): string {
  if (!ended) return `since ${day(started)} ${started.clock} UTC`;
  if (started.date === ended.date) return `${day(started)} ${started.clock}–${ended.clock} UTC`;
  return `${day(started)} ${started.clock} UTC – ${day(ended)} ${ended.clock} UTC`;
}

/**
 * The customer-facing projection: times in UTC, status updates and the resolution in plain words,
 * and what is being done, all scrubbed of people, channels and links. Chat is not part of it.
 */
export function buildPublicView(input: PublicViewInput): PublicView {
  const { scrubber } = input;
  const timed: { iso: string; time: string; label: string; text: string }[] = [];
  for (const update of input.statusUpdates) {
    timed.push({
      iso: update.at.iso,
      time: `${update.at.date} ${update.at.clock} UTC`,
      label: LABELS[update.status],
      text: scrubber.scrub(update.message),
    });
  }
  for (const resolution of input.resolutions) {
    timed.push({
      iso: resolution.at.iso,
      time: `${resolution.at.date} ${resolution.at.clock} UTC`,
      label: 'Resolved',
      text: resolution.summary ? scrubber.scrub(resolution.summary) : '',
    });
    if (resolution.reopened) {
      timed.push({
        iso: resolution.reopened.iso,
        time: `${resolution.reopened.date} ${resolution.reopened.clock} UTC`,
        label: 'Reopened',
        text: '',
      });
    }
  }
  timed.sort((a, b) => a.iso.localeCompare(b.iso));
  const last = input.resolutions[input.resolutions.length - 1];
  const summary = last?.summary ? scrubber.scrub(last.summary) : undefined;
  return {
    title: scrubber.scrub(input.title),
    window: windowText(input.started, input.ended),
    started: input.started,
    ...(input.ended ? { ended: input.ended } : {}),
    ...(input.duration ? { duration: input.duration } : {}),
    ongoing: input.ended === undefined,
    updates: timed.map(({ time, label, text }) => ({ time, label, text })),
    ...(summary ? { summary } : {}),
    measures: input.actionItems.map((item) => scrubber.scrub(item.text)).filter((text) => text.length > 0),
  };
}
