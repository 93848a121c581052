import type { Result } from '../errors.ts';
import type { Severity } from '../model/severity.ts';

/** Whom a page reaches, resolved when it is sent (who is on call now). */
export interface PageRecipient {
  target: string;
  targetKind: 'user' | 'schedule' | 'pager';
  pager?: string;
  user?: string;
  layer?: string;
  /** How the reply names it: `@sam`, `platform-oncall (primary: @alice)`. */
  label: string;
}

/**
 * The paging policy commands consult: a port the core owns, implemented by src/paging from the
 * config, so the core never imports paging or config.
 */
export interface PagingDirectory {
  /** The status-update cadence of a severity, when it has one. */
  updateIntervalMs(severity: Severity): number | undefined;
  /** What `/incident page` names (a user, a schedule[:layer], a pager), resolved at `now`. */
  resolvePageTarget(
    target: { kind: 'user'; id: string; name: string } | { kind: 'named'; text: string },
    now: Date,
  ): Result<PageRecipient>;
  /** `/incident oncall`: one line per layer of one schedule, or of all of them. */
  describeOnCall(scheduleId: string | undefined, now: Date): Result<{ title: string; lines: string[] }>;
}
