import { formatDuration } from '../time/format-time.ts';

/** `45s`, `5m`, `2h 30m`: formatDuration rounds to minutes, which would print short waits as 0m. */
export function describeWait(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)}s` : formatDuration(ms);
}

/** The shortest config-style duration for `ms` (`90s`, `1h30m`), so a button can carry it to a command. */
export function durationText(ms: number): string {
  let rest = Math.max(1, Math.round(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join('');
}
