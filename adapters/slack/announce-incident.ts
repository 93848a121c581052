import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel } from '../../src/core/public-api.ts';
import { section } from './block-kit-pages.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import { isSlackUserId } from './slack-actor.ts';
import { isOwnMessage, type SlackMessageLike } from './slack-message.ts';
import { callSlack, SlackPlatformError } from './slack-platform-error.ts';
import { toSafeMrkdwn } from './slack-text.ts';
import { channelUrl } from './slack-timestamps.ts';

/** An id is used as it is; a name gets the `#` chat.postMessage expects. */
export function announceTarget(configured: string): string {
  return /^[CG][A-Z0-9]{6,}$/.test(configured) ? configured : `#${configured.replace(/^#/, '')}`;
}

export async function announce(
  incident: IncidentState,
  channel: string,
  configured: string,
  deps: ProvisionDeps,
) {
  const target = announceTarget(configured);
  const label = incidentLabel(incident.number);
  const url = channelUrl(deps.bot.teamUrl, channel);
  const declarer = isSlackUserId(incident.declaredBy.id)
    ? `<@${incident.declaredBy.id}>`
    : incident.declaredBy.name;
  const headline = toSafeMrkdwn(`${label} ${incident.severity}: ${deps.redact(incident.title)}`);
  const text = `:rotating_light: *${headline}*\nDeclared by ${declarer}. Join <#${channel}>${url ? ` (<${url}|open>)` : ''}.`;
  const message = { text: `${headline}: join <#${channel}>`, blocks: [section(text)] };
  try {
    await deps.poster.post(target, message);
  } catch (error) {
    if (!(error instanceof SlackPlatformError) || error.code !== 'not_in_channel') throw error;
    // A public channel tocsin was never added to: joining is allowed with channels:join (by id only).
    const id = target.startsWith('#') ? await publicChannelId(target.slice(1), deps) : target;
    await callSlack('conversations.join', () => deps.client.conversations.join({ channel: id }), target);
    await deps.poster.post(id, message);
  }
}

/** The id of a public channel known by name; read page by page, once, only when a join needs it. */
export async function publicChannelId(name: string, deps: ProvisionDeps): Promise<string> {
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.list', () =>
      deps.client.conversations.list({
        types: 'public_channel',
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const found = page.channels?.find((channel) => channel.name === name);
    if (found?.id) return found.id;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  throw new SlackPlatformError('channel_not_found', 'conversations.list', { channel: `#${name}` });
}

/** How far back in the announce channel an announcement of a retried provisioning is looked for. */
const RECENT_MESSAGES = 100;

/**
 * Whether tocsin already announced the incident channel in `target`: its own recent message there
 * that links the channel. Asked only when a crashed attempt may have posted it unrecorded. A
 * channel tocsin cannot read (never joined) holds no announcement of it.
 */
export async function wasAnnounced(target: string, channel: string, deps: ProvisionDeps): Promise<boolean> {
  try {
    const id = target.startsWith('#') ? await publicChannelId(target.slice(1), deps) : target;
    const history = await callSlack(
      'conversations.history',
      () => deps.client.conversations.history({ channel: id, limit: RECENT_MESSAGES }),
      id,
    );
    return ((history.messages ?? []) as SlackMessageLike[]).some(
      (message) => isOwnMessage(message, deps.bot) && String(message.text ?? '').includes(`<#${channel}>`),
    );
  } catch (error) {
    if (error instanceof SlackPlatformError && !error.transient) return false;
    throw error;
  }
}
