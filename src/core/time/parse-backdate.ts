import { fail, ok, type Result, type UserError, userError } from '../errors.ts';
import { formatClock } from './format-time.ts';
import { instantOf, lastOccurrence, type Zone } from './local-time.ts';
import { parseZone } from './zone-names.ts';

export interface LeadingTime {
  /** Undefined when the text does not begin with a time. */
  occurredAt?: Date;
  rest: string;
}

export interface BackdateContext {
  now: Date;
  /** The workspace's IANA zone, used when the person typed no zone. */
  timeZone: string;
}

const NOTE_TIME_USAGE =
  'HH:MM[ TZ] or YYYY-MM-DD HH:MM[ TZ], e.g. `15:23`, `15:23 CEST`, `2025-11-20 15:23 UTC`';
/** Allow for clocks that disagree by a little: "now" typed on a fast laptop is not the future. */
const FUTURE_TOLERANCE_MS = 60_000;
/**
 * How far before an incident's start a note may go. The lead-up to an incident (the deploy, the
 * first alert) is days before it at most; a time years back is a typo (1900-01-01) and would put
 * the note at the top of the timeline and stretch the postmortem's timeline over decades.
 */
export const BACKDATE_LIMIT_DAYS = 7;
const BACKDATE_LIMIT_MS = BACKDATE_LIMIT_DAYS * 24 * 60 * 60 * 1000;

/**
 * Reads a leading time off a note: `15:23 text`, `15:23 CEST text`, `2025-11-20 15:23 UTC text`.
 * A bare time is its most recent past occurrence; an explicit date in the future is refused. DST
 * days follow the rule in local-time.ts, shared with schedules and times mentioned in chat.
 */
export function parseLeadingTime(text: string, context: BackdateContext): Result<LeadingTime> {
  const match = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?=\s|$)\s*/.exec(text);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}(\s|$)/.test(text)) {
      return fail(userError('invalid_time', `A date needs a time after it. Use ${NOTE_TIME_USAGE}.`));
    }
    return ok({ rest: text });
  }
  const [whole, date, hourText, minuteText] = match;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) {
    return fail(
      userError('invalid_time', `"${hourText}:${minuteText}" is not a time of day. Use ${NOTE_TIME_USAGE}.`),
    );
  }
  let rest = text.slice(whole.length);
  let zone: Zone = context.timeZone;
  const zoneToken = /^(\S+)(?:\s+|$)/.exec(rest);
  const typedZone = zoneToken ? parseZone(zoneToken[1] as string) : undefined;
  if (zoneToken && typedZone) {
    zone = typedZone;
    rest = rest.slice(zoneToken[0].length);
  }
  const clock = `${pad(hour)}:${pad(minute)}`;
  const now = context.now.getTime();
  const ms = date ? instantOf(date, clock, zone) : lastOccurrence(clock, zone, now, FUTURE_TOLERANCE_MS);
  if (ms === undefined) {
    return fail(userError('invalid_time', `"${date} ${clock}" is not a valid date. Use ${NOTE_TIME_USAGE}.`));
  }
  const occurredAt = new Date(ms);
  if (ms > now + FUTURE_TOLERANCE_MS) {
    return fail(
      userError(
        'time_in_future',
        `${occurredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC is in the future. A note's time can only be now or earlier.`,
      ),
    );
  }
  return ok({ occurredAt, rest });
}

/** Refuses a note time more than BACKDATE_LIMIT_DAYS before the incident was declared. */
export function checkBackdateLimit(
  occurredAt: Date,
  declaredAt: Date,
  timeZone: string,
): UserError | undefined {
  // People type minutes, and the start has seconds: the limit is counted from the start's minute,
  // so "exactly 7 days before" is accepted however many seconds into 10:00 the incident began.
  const startMinute = Math.floor(declaredAt.getTime() / 60_000) * 60_000;
  if (occurredAt.getTime() >= startMinute - BACKDATE_LIMIT_MS) return undefined;
  return userError(
    'time_too_early',
    `${formatClock(occurredAt, timeZone, true)} is more than ${BACKDATE_LIMIT_DAYS} days before the incident ` +
      `started (${formatClock(declaredAt, timeZone, true)}). A note can go back at most ${BACKDATE_LIMIT_DAYS} ` +
      'days before the start; write the earlier history into the note text instead.',
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Reads `YYYY-MM-DD HH:MM[ TZ]` as a whole, for setting a clock. */
export function parseDateTime(text: string, defaultZone: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?:\s+(\S+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, date, hour, minute, zoneText] = match;
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  const zone: Zone | undefined = zoneText ? parseZone(zoneText) : defaultZone;
  if (!zone) return undefined;
  const ms = instantOf(date as string, `${pad(Number(hour))}:${minute}`, zone);
  return ms === undefined ? undefined : new Date(ms);
}
