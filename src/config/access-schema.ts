import { z } from 'zod';
import { PERMISSION_RULES, type PermissionRule } from '../core/policy/permission-policy.ts';
import { durationSchema } from '../paging/severity-policy.ts';

const entry = z.string().trim().min(1, 'a permission entry cannot be empty');
const rule = z
  .array(entry)
  .min(1, 'list at least one of anyone, responders, commander or an id')
  .default(['anyone']);

/** `permissions:`: who may run which command. Every rule defaults to anyone, so a new install works. */
export const permissionsSchema = z
  .strictObject(
    Object.fromEntries(PERMISSION_RULES.map((name) => [name, rule])) as Record<PermissionRule, typeof rule>,
  )
  .default(
    Object.fromEntries(PERMISSION_RULES.map((name) => [name, ['anyone']])) as Record<
      PermissionRule,
      string[]
    >,
  );

const count = z.number().int().min(0);

/** `rate_limits:`: how often one person, or one workspace, may declare and page (0 turns a limit off). */
export const rateLimitsSchema = z
  .strictObject({
    window: durationSchema('rate_limits.window').default(10 * 60_000),
    declare_per_user: count.default(5),
    page_per_user: count.default(10),
    page_per_workspace: count.default(30),
  })
  .default({ window: 10 * 60_000, declare_per_user: 5, page_per_user: 10, page_per_workspace: 30 });
