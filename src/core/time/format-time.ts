import { dayjs } from './dayjs.ts';

/** `15:23 UTC`, or `15:23 UTC (16:23 CET)` when the workspace lives elsewhere. */
export function formatClock(iso: string | Date, timeZone: string, withDate = false): string {
  const instant = dayjs(iso).utc();
  const format = withDate ? 'YYYY-MM-DD HH:mm' : 'HH:mm';
  const utcText = `${instant.format(format)} UTC`;
  if (timeZone === 'UTC') return utcText;
  const local = instant.tz(timeZone);
  return `${utcText} (${local.format(format)} ${zoneAbbreviation(local.toDate(), timeZone)})`;
}

export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** `1h 12m`, `3m`, `2d 4h`: durations as responders say them. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
}
