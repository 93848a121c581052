import { slugify } from '../../src/core/public-api.ts';

/** Slack's rules for channel names: lowercase, at most 80 characters, letters, digits, `-` and `_`. */
export const MAX_CHANNEL_NAME = 80;

/**
 * The name of an incident's channel, `inc-<n>-<slug>`; `attempt` > 1 appends `-<attempt>` after a
 * `name_taken`, shortening the slug so the whole name still fits. `title` must already be
 * redacted: a channel name is public to the workspace and outlives any later redaction.
 */
export function incidentChannelName(number: number, title: string, attempt = 1): string {
  const prefix = `inc-${number}-`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  const room = MAX_CHANNEL_NAME - prefix.length - suffix.length;
  const slug = slugify(title, room).replace(/[^a-z0-9_-]/g, '') || 'incident';
  return `${prefix}${slug.slice(0, room).replace(/-+$/, '')}${suffix}`;
}

/** True for a name Slack would accept from conversations.create. */
export function isValidChannelName(name: string): boolean {
  return (
    name.length > 0 && name.length <= MAX_CHANNEL_NAME && /^[a-z0-9_-]+$/.test(name) && !/^[-_]+$/.test(name)
  );
}
