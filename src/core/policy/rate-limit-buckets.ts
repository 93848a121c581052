import type { RateBucket } from '../../ports/rate-limiter.ts';
import type { CoreServices, RateLimitSettings } from '../core-services.ts';
import { type UserError, userError } from '../errors.ts';
import type { Actor, Origin } from '../model/events.ts';
import { formatDuration } from '../time/format-time.ts';
import type { PermissionRule } from './permission-policy.ts';

const VERB: Partial<Record<PermissionRule, string>> = { declare: 'declare incidents', page: 'page people' };

/** The allowances a command draws on: declares per person; pages per person and per workspace. */
export function rateBuckets(
  rule: PermissionRule | undefined,
  where: Pick<Origin, 'platform' | 'workspace'>,
  actor: Actor,
  limits: RateLimitSettings,
): RateBucket[] {
  const workspace = `${where.platform}:${where.workspace}`;
  const person = `${workspace}:${actor.id}`;
  const bucket = (key: string, limit: number, setting: string): RateBucket[] =>
    limit > 0 ? [{ key, limit, windowMs: limits.windowMs, setting }] : [];
  switch (rule) {
    case 'declare':
      return bucket(`declare:${person}`, limits.declarePerUser, 'rate_limits.declare_per_user');
    case 'page':
      return [
        ...bucket(`page:${person}`, limits.pagePerUser, 'rate_limits.page_per_user'),
        ...bucket(`page:${workspace}`, limits.pagePerWorkspace, 'rate_limits.page_per_workspace'),
      ];
    default:
      return [];
  }
}

export function rateLimited(rule: PermissionRule, bucket: RateBucket, retryAfterMs: number): UserError {
  const who = bucket.setting.endsWith('workspace') ? 'This workspace has' : 'You have';
  return userError(
    'rate_limited',
    `${who} reached the limit of ${bucket.limit} in ${formatDuration(bucket.windowMs)} to ${VERB[rule] ?? rule} ` +
      `(${bucket.setting}). Try again in ${formatDuration(Math.ceil(retryAfterMs / 60_000) * 60_000)}; nothing was recorded.`,
  );
}

/** Takes the allowances a command draws on, or the refusal naming the one spent; undefined when none apply. */
export async function takeAllowance(
  services: Pick<CoreServices, 'limiter' | 'settings'>,
  rule: PermissionRule | undefined,
  context: { origin: Pick<Origin, 'platform' | 'workspace'>; actor: Actor },
): Promise<{ ok: true; release(): Promise<void> } | { ok: false; error: UserError } | undefined> {
  const buckets = rateBuckets(rule, context.origin, context.actor, services.settings.rateLimits);
  if (!services.limiter || !rule || buckets.length === 0) return undefined;
  const take = await services.limiter.take(buckets);
  return take.ok ? take : { ok: false, error: rateLimited(rule, take.bucket, take.retryAfterMs) };
}
