import { resolveTypedTime } from './mentioned-time.ts';
import type { SuggestionSignal } from './postmortem-model.ts';

/*
 * What makes a chat message worth proposing as a timeline line. Plain patterns, no network and
 * no model, so the same log always yields the same suggestions.
 */

const WORD_SIGNALS: ReadonlyArray<readonly [SuggestionSignal, RegExp]> = [
  ['deployed', /\b(?:re)?deploy(?:ed|ing|ment|s)?\b|\brolled out\b|\bshipped\b/i],
  ['rolled-back', /\broll(?:ed|ing)?[ -]?back\b|\brollback\b|\breverted\b/i],
  ['restarted', /\bre-?start(?:ed|ing|s)?\b|\breboot(?:ed|ing|s)?\b|\bbounced\b/i],
  ['failed-over', /\bfail(?:ed|ing)?[ -]?over\b/i],
  ['root-cause', /\broot[ -]?caused?\b/i],
  ['mitigated', /\bmitigat(?:ed|es|ing|ion)\b/i],
  // The milestones a write-up's timeline is made of, as people say them in chat: an adopted or
  // imported incident has no notes, so these lines are its timeline's first draft.
  [
    'detected',
    /\b(?:detected|alerts?|alerted|alerting|(?:is|went|was|were|are) down|outage|not responding|unreachable)\b/i,
  ],
  ['escalated', /\bescalat(?:e|ed|es|ing|ion)\b|\bpaged\b/i],
  ['identified', /\b(?:identified|caused by|because of|the cause|culprit|conflict(?:s|ing)?)\b/i],
  [
    'changed',
    /\b(?:upgrad(?:e|ed|es|ing)|updat(?:e|ed|es|ing)|install(?:ed|ing)?|patch(?:ed|ing)?|adjust(?:ed|ing)?|reconfigur(?:e|ed|ing))\b/i,
  ],
  [
    'restored',
    /\b(?:restored|back to normal|back online|is back|up again|recovered|operational|resolved|fixed)\b/i,
  ],
];

const URL = /\bhttps?:\/\/[^\s<>|]+/gi;
const ALERT_URL = /alert|pagerduty|opsgenie|victorops|\/incidents?\b/i;
const DASHBOARD_URL = /grafana|dashboard|kibana|datadog|newrelic|honeycomb|\/d\/[\w-]+/i;
/**
 * `15:23`, `15:23 CEST`, `15:23 GMT+5:30`, `2025-11-20 15:23 UTC`; not `15:23:45`, `v1.15:2`, or a port.
 * `GMT+1` comes before the plain word so that it is not read as `GMT`: tocsin itself prints it.
 */
const CLOCK_TIME =
  /(?<![\w.:/-])(?:(\d{4}-\d{2}-\d{2})[ T])?([01]?\d|2[0-3]):([0-5]\d)(?![\w:])(?:[ \t]+((?:GMT|UTC)[+-]\d{1,2}(?::\d{2})?|[A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|[A-Za-z]+\/[A-Za-z_]+)\b)?/;
/**
 * How far back a time mentioned in chat may reach. A bare `10:30` said at 10:05 is an ETA, not
 * yesterday morning; recollections of an incident are from the last hours.
 */
const MAX_LOOKBACK_MS = 12 * 3600_000;
const FUTURE_TOLERANCE_MS = 60_000;

export interface MessageSignals {
  signals: SuggestionSignal[];
  /** The time the message names, when it names one in the past: the entry belongs there. */
  occurredAt?: string;
}

/** Reads the signals of one message said at `saidAt` (ISO) in a workspace on `timeZone`. */
export function readSignals(text: string, saidAt: string, timeZone: string): MessageSignals {
  const signals: SuggestionSignal[] = [];
  let prose = text;
  const links: SuggestionSignal[] = [];
  if (text.includes('://')) {
    const urls = text.match(URL) ?? [];
    if (urls.some((url) => ALERT_URL.test(url))) links.push('alert-link');
    if (urls.some((url) => DASHBOARD_URL.test(url) && !ALERT_URL.test(url))) links.push('dashboard-link');
    prose = text.replace(URL, ' ');
  }
  // Words are read in the prose only: `/alerts?filter=…` in a link is the link's signal, not a word.
  for (const [signal, pattern] of WORD_SIGNALS) if (pattern.test(prose)) signals.push(signal);
  signals.push(...links);
  const occurredAt = mentionedTime(prose, saidAt, timeZone);
  if (occurredAt === undefined) return { signals };
  return { signals: ['clock-time', ...signals], occurredAt };
}

function mentionedTime(text: string, saidAt: string, timeZone: string): string | undefined {
  if (!text.includes(':')) return undefined;
  const match = CLOCK_TIME.exec(text);
  if (!match) return undefined;
  const [, date, hour, minute, zone] = match;
  const now = Date.parse(saidAt);
  const at = resolveTypedTime(
    {
      hour: Number(hour),
      minute: Number(minute),
      ...(date === undefined ? {} : { date }),
      ...(zone === undefined ? {} : { zone }),
    },
    now,
    timeZone,
  );
  if (at === undefined || at > now + FUTURE_TOLERANCE_MS || at < now - MAX_LOOKBACK_MS) return undefined;
  return new Date(at).toISOString();
}
