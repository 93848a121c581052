import type { IncidentState } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import { incidentChannelName } from './channel-name.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import { callSlack, SlackPlatformError } from './slack-platform-error.ts';
import { channelUrl } from './slack-timestamps.ts';

const MAX_NAME_ATTEMPTS = 20;

/**
 * The incident's channel: the one an earlier attempt recorded or left behind (found again by
 * name among the channels tocsin created), or a new `inc-<n>-<slug>` (suffixed on `name_taken`).
 */
export async function openIncidentChannel(
  incident: IncidentState,
  deps: ProvisionDeps,
  progress: ProvisioningProgress,
): Promise<IncidentSpace> {
  // Everyone in the workspace sees channel names: a secret pasted into the title must not name one.
  const title = deps.redact(incident.title);
  const names = Array.from({ length: MAX_NAME_ATTEMPTS }, (_, index) =>
    incidentChannelName(incident.number, title, index + 1),
  );
  const space = (id: string, name: string): IncidentSpace => {
    const url = channelUrl(deps.bot.teamUrl, id);
    return { channelId: id, channelName: name, ...(url ? { url } : {}) };
  };
  return progress.space(
    async () => {
      const found = await findCreatedChannel(new Set(names), incident.private === true, deps);
      return found && space(found.id, found.name);
    },
    async () => {
      const created = await createChannel(names, incident.private === true, deps);
      return space(created.id, created.name);
    },
  );
}

async function createChannel(
  names: string[],
  isPrivate: boolean,
  deps: ProvisionDeps,
): Promise<{ id: string; name: string }> {
  for (const name of names) {
    try {
      const answer = await callSlack('conversations.create', () =>
        deps.client.conversations.create({ name, is_private: isPrivate }),
      );
      const id = answer.channel?.id;
      if (!id) throw new SlackPlatformError('invalid_response', 'conversations.create', {});
      return { id, name: answer.channel?.name ?? name };
    } catch (error) {
      if (!(error instanceof SlackPlatformError) || error.code !== 'name_taken') throw error;
      // The Web API client retries a create whose answer was lost; the retry then finds the name
      // taken by the channel the first try made. A channel of this incident's name that tocsin
      // created is that one (the name carries the incident's number), so it is kept.
      const mine = await findCreatedChannel(new Set([name]), isPrivate, deps);
      if (mine) return mine;
    }
  }
  throw new SlackPlatformError('name_taken', 'conversations.create', {});
}

/**
 * A channel with one of the incident's names that tocsin itself created: the marker a crash
 * between `conversations.create` and recording its answer leaves behind. Read only after such a
 * crash, page by page.
 */
async function findCreatedChannel(
  names: Set<string>,
  isPrivate: boolean,
  deps: ProvisionDeps,
): Promise<{ id: string; name: string } | undefined> {
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.list', () =>
      deps.client.conversations.list({
        types: isPrivate ? 'private_channel' : 'public_channel',
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const found = page.channels?.find(
      (channel) =>
        channel.name !== undefined &&
        names.has(channel.name) &&
        (deps.bot.userId === undefined || channel.creator === deps.bot.userId),
    );
    if (found?.id && found.name) return { id: found.id, name: found.name };
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return undefined;
}
