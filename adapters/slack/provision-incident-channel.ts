import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import { announce, announceTarget, wasAnnounced } from './announce-incident.ts';
import { section } from './block-kit-pages.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { openIncidentChannel } from './open-incident-channel.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import { isSlackUserId } from './slack-actor.ts';
import { callSlack, SlackPlatformError } from './slack-platform-error.ts';
import { toSafeMrkdwn } from './slack-text.ts';

const MAX_INVITES_PER_CALL = 1000;

/**
 * Opens an incident's channel: finds or creates `inc-<n>-<slug>`, invites the declarer and the
 * responders, makes sure the summary is posted and pinned, and announces it. Each platform call
 * goes through `progress`, so a retry after a crash at any point repeats none of them. What
 * Slack refuses for good after the channel exists is explained in it; what may heal (a 5xx, a
 * rate limit) fails the job, whose retry carries on where it stopped.
 */
export async function provisionIncidentChannel(
  incident: IncidentState,
  deps: ProvisionDeps,
  progress: ProvisioningProgress,
): Promise<IncidentSpace> {
  const space = await openIncidentChannel(incident, deps, progress);
  const channel = space.channelId;
  const problems: string[] = [];
  const attempt = async (doing: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      if (error instanceof SlackPlatformError && error.transient) throw error;
      deps.warn(`provisioning ${incidentLabel(incident.number)}: could not ${doing}`, error);
      problems.push(explainSlackError(error, doing));
    }
  };
  await progress.step('invite', () =>
    attempt('invite the declarer and the responders', () => invitePeople(incident, channel, deps, problems)),
  );
  await progress.step('summary', () =>
    attempt('post and pin the summary', () => deps.summary.ensurePinned(incident, channel)),
  );
  // A private incident is announced nowhere: the announce channel's readers are not its members.
  const announceTo = incident.private ? undefined : deps.config.slack.announce_channel;
  if (announceTo) {
    await progress.step(
      'announce',
      () =>
        attempt(`announce ${incidentLabel(incident.number)} in ${announceTo}`, () =>
          announce(incident, channel, announceTo, deps),
        ),
      () => wasAnnounced(announceTarget(announceTo), channel, deps),
    );
  }
  if (problems.length > 0) {
    const text = problems.join('\n');
    await deps.poster
      .post(channel, { text: toSafeMrkdwn(text), blocks: [section(toSafeMrkdwn(text))] })
      .catch((error: unknown) => deps.warn('could not explain provisioning problems in the channel', error));
  }
  return space;
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
