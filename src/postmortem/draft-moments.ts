import { dayjs } from '../core/time/dayjs.ts';
import { wallClockAt } from '../core/time/local-time.ts';
import { zoneNameAt } from '../core/time/zone-names.ts';
import type { Moment, Span } from './postmortem-model.ts';

const MINUTE = 60_000;

/** Formats the instants of one draft: UTC first, the workspace zone after, dates when needed. */
export class DraftMoments {
  private readonly zone: string | undefined;
  private readonly originMinute: number;

  constructor(
    timeZone: string,
    /** The declaration: `T+00`. */
    origin: string,
    /** Show dates on every time: the incident crosses midnight. */
    readonly withDates: boolean,
  ) {
    this.originMinute = Math.floor(Date.parse(origin) / MINUTE);
    this.zone = timeZone === 'UTC' ? undefined : timeZone;
  }

  moment(iso: string): Moment {
    const ms = Date.parse(iso);
    const utc = new Date(ms).toISOString();
    const date = utc.slice(0, 10);
    const clock = utc.slice(11, 16);
    const utcText = `${this.withDates ? `${date} ` : ''}${clock} UTC`;
    const utcFull = `${date} ${clock} UTC`;
    if (!this.zone) return { iso: utc, date, clock, text: utcText, full: utcFull };
    const localIso = new Date(wallClockAt(ms, this.zone)).toISOString();
    const localClock = `${localIso.slice(11, 16)} ${zoneNameAt(ms, this.zone)}`;
    const localFull = `${localIso.slice(0, 10)} ${localClock}`;
    return {
      iso: utc,
      date,
      clock,
      local: localClock,
      text: `${utcText} (${this.withDates ? localFull : localClock})`,
      full: `${utcFull} (${localFull})`,
    };
  }

  /** Just `Moment.text`, for the many lines of a transcript. */
  text(ms: number): string {
    const utc = new Date(ms).toISOString();
    const utcText = `${this.withDates ? utc.slice(0, 10) : ''}${this.withDates ? ' ' : ''}${utc.slice(11, 16)} UTC`;
    if (!this.zone) return utcText;
    const local = new Date(wallClockAt(ms, this.zone)).toISOString();
    const clock = `${local.slice(11, 16)} ${zoneNameAt(ms, this.zone)}`;
    return `${utcText} (${this.withDates ? `${local.slice(0, 10)} ${clock}` : clock})`;
  }

  /** `T+05`: whole minutes between the declaration and this instant, as the clocks read. */
  relative(iso: string): string {
    const minutes = Math.floor(Date.parse(iso) / MINUTE) - this.originMinute;
    const digits = String(Math.abs(minutes)).padStart(2, '0');
    return minutes < 0 ? `T-${digits}` : `T+${digits}`;
  }
}

/** True when the earliest and latest instants fall on different dates in UTC or in the zone. */
export function crossesMidnight(earliest: string, latest: string, timeZone: string): boolean {
  if (earliest.slice(0, 10) !== latest.slice(0, 10)) return true;
  if (timeZone === 'UTC') return false;
  const day = (iso: string) => dayjs(iso).tz(timeZone).format('YYYY-MM-DD');
  return day(earliest) !== day(latest);
}

/** A span between two instants, counted in whole minutes as clocks show them. */
export function spanBetween(fromIso: string, toIso: string): Span {
  const minutes = Math.max(
    0,
    Math.floor(Date.parse(toIso) / MINUTE) - Math.floor(Date.parse(fromIso) / MINUTE),
  );
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  let text: string;
  if (days > 0) text = hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  else if (hours > 0) text = rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  else text = `${rest}m`;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return { minutes, text, hhmm };
}
