import type { z } from 'zod';
import { parseTarget } from './page-targets.ts';
import type { PagerConfig } from './pager-config.ts';
import type { Schedule } from './schedule-schema.ts';
import { policyTargets, type SeverityPolicy } from './severity-policy.ts';

interface PagingSections {
  pagers: readonly PagerConfig[];
  schedules: readonly Schedule[];
  severities: readonly SeverityPolicy[];
}

/**
 * Checks what the sections say about each other, once each is valid on its own: every target a
 * severity pages must exist, and a name must not mean both a pager and a schedule.
 */
export function checkPagingReferences(config: PagingSections, ctx: z.RefinementCtx): void {
  // zod runs this refinement even after a section failed, with that section untransformed: the
  // section's own messages say what is wrong, and cross-checks on half-parsed data would only crash.
  if (ctx.issues.length > 0) return;
  const scheduleIds = new Set(config.schedules.map((schedule) => schedule.id));
  config.pagers.forEach((pager, index) => {
    if (scheduleIds.has(pager.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pagers', index, 'id'],
        message: `"${pager.id}" is both a pager and a schedule id; rename one so page: lists are unambiguous`,
      });
    }
  });
  for (const policy of config.severities) {
    for (const { where, target } of policyTargets(policy)) {
      const parsed = parseTarget(target, config);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', path: ['severities'], message: `${where}: ${parsed}` });
      }
    }
  }
}
