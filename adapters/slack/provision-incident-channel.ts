import type { webApi } from '@slack/bolt';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import { section } from './block-kit-pages.ts';
import { incidentChannelName } from './channel-name.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { isSlackUserId } from './slack-actor.ts';
import type { BotIdentity } from './slack-message.ts';
import { callSlack, SlackPlatformError } from './slack-platform-error.ts';
import type { SlackPoster } from './slack-poster.ts';
import { toSafeMrkdwn } from './slack-text.ts';
import { channelUrl } from './slack-timestamps.ts';
import type { SummaryMessage } from './summary-message.ts';

const MAX_NAME_ATTEMPTS = 20;
const MAX_INVITES_PER_CALL = 1000;

export interface ProvisionDeps {
  client: webApi.WebClient;
  poster: SlackPoster;
  summary: SummaryMessage;
  bot: BotIdentity;
  config: AppConfig;
  redact: (text: string) => string;
  warn: (message: string, error?: unknown) => void;
}

/**
 * Opens an incident's channel: creates `inc-<n>-<slug>` (suffixed on `name_taken`), invites the
 * declarer and the responders, posts and pins the summary, and announces it. Only creating the
 * channel may fail the job (nothing exists yet, so a retry is safe); everything after it is
 * best effort, and what Slack refused is explained in the new channel.
 */
export async function provisionIncidentChannel(
  incident: IncidentState,
  deps: ProvisionDeps,
): Promise<IncidentSpace> {
  const created = await createChannel(incident, deps);
  const problems: string[] = [];
  const attempt = async (doing: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      deps.warn(`provisioning ${incidentLabel(incident.number)}: could not ${doing}`, error);
      problems.push(explainSlackError(error, doing));
    }
  };
  await attempt('invite the declarer and the responders', () =>
    invitePeople(incident, created.id, deps, problems),
  );
  await attempt('post and pin the summary', async () => {
    await deps.summary.postAndPin(incident, created.id);
  });
  // A private incident is announced nowhere: the announce channel's readers are not its members.
  const announceTo = incident.private ? undefined : deps.config.slack.announce_channel;
  if (announceTo) {
    await attempt(`announce ${incidentLabel(incident.number)} in ${announceTo}`, () =>
      announce(incident, created.id, announceTo, deps),
    );
  }
  if (problems.length > 0) {
    const text = problems.join('\n');
    await deps.poster
      .post(created.id, { text: toSafeMrkdwn(text), blocks: [section(toSafeMrkdwn(text))] })
      .catch((error: unknown) => deps.warn('could not explain provisioning problems in the channel', error));
  }
  const url = channelUrl(deps.bot.teamUrl, created.id);
  return { channelId: created.id, channelName: created.name, ...(url ? { url } : {}) };
}

async function createChannel(
  incident: IncidentState,
  deps: ProvisionDeps,
): Promise<{ id: string; name: string }> {
  // Everyone in the workspace sees channel names: a secret pasted into the title must not name one.
  const title = deps.redact(incident.title);
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = incidentChannelName(incident.number, title, attempt);
    try {
      const answer = await callSlack('conversations.create', () =>
        deps.client.conversations.create({ name, is_private: incident.private === true }),
      );
      const id = answer.channel?.id;
      if (!id) throw new SlackPlatformError('invalid_response', 'conversations.create', {});
      return { id, name: answer.channel?.name ?? name };
    } catch (error) {
      if (error instanceof SlackPlatformError && error.code === 'name_taken') continue;
      throw error;
    }
  }
  throw new SlackPlatformError('name_taken', 'conversations.create', {});
}

/** The declarer, configured responders, and members of configured user groups, tocsin itself excluded. */
async function invitePeople(
  incident: IncidentState,
  channel: string,
  deps: ProvisionDeps,
  problems: string[],
): Promise<void> {
  const users = new Set<string>();
  if (isSlackUserId(incident.declaredBy.id)) users.add(incident.declaredBy.id);
  for (const responder of deps.config.slack.responders) {
    if (isSlackUserId(responder)) {
      users.add(responder);
      continue;
    }
    try {
      const answer = await callSlack('usergroups.users.list', () =>
        deps.client.usergroups.users.list({ usergroup: responder }),
      );
      for (const user of answer.users ?? []) users.add(user);
    } catch (error) {
      deps.warn(`could not read user group ${responder}`, error);
      problems.push(explainSlackError(error, `read the members of user group ${responder}`));
    }
  }
  if (deps.bot.userId) users.delete(deps.bot.userId);
  const all = [...users];
  for (let start = 0; start < all.length; start += MAX_INVITES_PER_CALL) {
    const batch = all.slice(start, start + MAX_INVITES_PER_CALL);
    // force: invite everyone valid even when one id is stale (a deactivated responder).
    await callSlack(
      'conversations.invite',
      () => deps.client.conversations.invite({ channel, users: batch.join(','), force: true }),
      channel,
    );
  }
}

/** An id is used as it is; a name gets the `#` chat.postMessage expects. */
export function announceTarget(configured: string): string {
  return /^[CG][A-Z0-9]{6,}$/.test(configured) ? configured : `#${configured.replace(/^#/, '')}`;
}

async function announce(incident: IncidentState, channel: string, configured: string, deps: ProvisionDeps) {
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
async function publicChannelId(name: string, deps: ProvisionDeps): Promise<string> {
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
