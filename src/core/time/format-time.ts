import { wallClockAt } from './local-time.ts';
import { zoneNameAt } from './zone-names.ts';

/**
 * `15:23 UTC`, or `15:23 UTC (16:23 CET)` when the workspace lives elsewhere. The local time carries
 * the abbreviation people write (CET, EDT, BST), from the same names the drafts use.
 */
export function formatClock(iso: string | Date, timeZone: string, withDate = false): string {
  const ms = new Date(iso).getTime();
  const utcText = `${clockText(ms, withDate)} UTC`;
  if (timeZone === 'UTC') return utcText;
  return `${utcText} (${clockText(wallClockAt(ms, timeZone), withDate)} ${zoneNameAt(ms, timeZone)})`;
}

/** `HH:mm` or `YYYY-MM-DD HH:mm` of an instant or a wall clock, read as UTC. */
function clockText(ms: number, withDate: boolean): string {
  const iso = new Date(ms).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
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
