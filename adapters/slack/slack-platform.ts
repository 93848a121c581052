import { webApi } from '@slack/bolt';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { IncidentState, Reply } from '../../src/core/public-api.ts';
import { incidentLabel, PermanentError } from '../../src/core/public-api.ts';
import type {
  ChatPlatform,
  HistoryMessage,
  HistoryPage,
  IncidentSpace,
  InteractiveMessage,
} from '../../src/ports/chat-platform.ts';
import type { IncidentStore } from '../../src/ports/incident-store.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import { adoptIncidentChannel } from './adopt-incident-channel.ts';
import { ChannelMembers } from './channel-members.ts';
import { answerPrivately } from './deliver-reply.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { type HistoryPageDeps, LIMITED_TIER, readChannelHistory, readHistoryPage } from './history-pages.ts';
import { provisionIncidentChannel } from './provision-incident-channel.ts';
import { renderInteractive } from './render-interactive.ts';
import { renderReply } from './render-reply.ts';
import { SLACK_PLATFORM } from './slack-context.ts';
import type { BotIdentity } from './slack-message.ts';
import { SlackPlatformError } from './slack-platform-error.ts';
import type { SlackPoster } from './slack-poster.ts';
import { SummaryMessage } from './summary-message.ts';
import type { UserDirectory } from './user-directory.ts';

export interface SlackPlatformDeps {
  client: webApi.WebClient;
  poster: SlackPoster;
  users: UserDirectory;
  bot: BotIdentity;
  config: AppConfig;
  store: IncidentStore;
  redact: (text: string) => string;
  warn: (message: string, error?: unknown) => void;
  historyPageSize?: number;
  /** Multiplies the waits a slow history read takes (tests turn Slack's minute into milliseconds). */
  historyWaitScale?: number;
}

/** Slack as the core sees it: channels per incident, a pinned summary, messages, DMs, history. */
export class SlackPlatform implements ChatPlatform {
  readonly name = SLACK_PLATFORM;
  private readonly summary: SummaryMessage;
  private readonly members: ChannelMembers;
  /** History reads of adopted channels see a 429 at once, to pace themselves by it in a job. */
  private readonly pacedClient: webApi.WebClient;

  constructor(private readonly deps: SlackPlatformDeps) {
    this.summary = new SummaryMessage(deps.client, deps.poster, deps.bot, deps.redact);
    this.members = new ChannelMembers(deps.client);
    this.pacedClient = new webApi.WebClient(deps.client.token, {
      slackApiUrl: deps.client.slackApiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
      timeout: 30_000,
    });
  }

  async isMember(incident: IncidentState, userId: string): Promise<boolean> {
    return incident.channel ? this.members.has(incident.channel.id, userId) : false;
  }

  async provisionIncidentSpace(
    incident: IncidentState,
    progress: ProvisioningProgress,
  ): Promise<IncidentSpace> {
    try {
      return await provisionIncidentChannel(incident, { ...this.deps, summary: this.summary }, progress);
    } catch (error) {
      if (error instanceof SlackPlatformError && error.transient) throw error;
      // Retrying cannot fix a missing scope or a revoked token: say so once, and stop the job.
      const route = { channel: incident.originChannel, user: incident.declaredBy.id };
      const text = explainSlackError(error, `open a channel for ${incidentLabel(incident.number)}`);
      await answerPrivately(text, route, this.deps);
      throw new PermanentError(text);
    }
  }

  async adoptIncidentSpace(incident: IncidentState, progress: ProvisioningProgress): Promise<IncidentSpace> {
    return adoptIncidentChannel(incident, { ...this.deps, summary: this.summary }, progress);
  }

  /** Posts in the channel; failures are thrown, so the job that called it can retry or record them. */
  async postMessage(_workspace: string, channel: string, reply: Reply): Promise<void> {
    const rendered = renderReply(reply, { redact: this.deps.redact });
    for (const message of rendered.messages) await this.deps.poster.post(channel, message);
    if (rendered.overflow) await this.deps.poster.upload(channel, rendered.overflow);
    if (reply.file) await this.deps.poster.upload(channel, reply.file);
  }

  async refreshSummary(incident: IncidentState): Promise<void> {
    if (!incident.channel) return;
    // Jobs for one incident may overtake each other: draw the summary from the newest state.
    const latest = (await this.deps.store.state(incident.ref)) ?? incident;
    try {
      await this.summary.refresh(latest, incident.channel.id);
    } catch (error) {
      if (!(error instanceof SlackPlatformError) || error.transient) throw error;
      // An archived channel or a removed bot stays that way: retrying the job would only repeat this.
      this.deps.warn(`could not refresh the summary of ${incidentLabel(incident.number)}`, error);
      throw new PermanentError(error.message);
    }
  }

  fetchHistory(incident: IncidentState): AsyncIterable<HistoryMessage> {
    return readChannelHistory(incident, this.historyDeps());
  }

  readHistoryPage(incident: IncidentState, position: string | undefined): Promise<HistoryPage> {
    return readHistoryPage(incident, position, this.historyDeps());
  }

  private historyDeps(): HistoryPageDeps {
    const scale = this.deps.historyWaitScale ?? 1;
    return {
      ...this.deps,
      ...(this.deps.historyPageSize ? { pageSize: this.deps.historyPageSize } : {}),
      pacedClient: this.pacedClient,
      limited: this.deps.config.slack.history_rate_tier === 'limited',
      wait: (ms) => Math.round(ms * scale),
    };
  }

  historyPace(): { requestsPerMinute: number } | undefined {
    return this.deps.config.slack.history_rate_tier === 'limited'
      ? { requestsPerMinute: LIMITED_TIER.requestsPerMinute }
      : undefined;
  }

  async sendDirectMessage(_workspace: string, userId: string, message: InteractiveMessage): Promise<void> {
    await this.deps.poster.post(userId, renderInteractive(message, this.deps.redact));
  }

  async postInteractive(_workspace: string, channel: string, message: InteractiveMessage): Promise<void> {
    await this.deps.poster.post(channel, renderInteractive(message, this.deps.redact));
  }
}
