import type { IncidentState, Reply } from '../../src/core/public-api.ts';
import { incidentLabel, redactReply, slugify } from '../../src/core/public-api.ts';
import type { ChatPlatform, IncidentSpace, InteractiveMessage } from '../../src/ports/chat-platform.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import { renderConsoleReply } from './render-console-reply.ts';

export const CONSOLE_PLATFORM = 'console';
export const CONSOLE_WORKSPACE = 'local';

/**
 * The terminal as a chat platform: channels are just names, and posting is printing. Jobs post
 * here (notices, pages), and their text never passed the core's redaction: it is redacted here,
 * once, as on Slack and Discord.
 */
export class ConsolePlatform implements ChatPlatform {
  readonly name = CONSOLE_PLATFORM;

  constructor(
    private readonly print: (text: string) => void,
    /** The app's redactor, for channel names (kept in the log, shown everywhere) and jobs' posts. */
    private readonly redactor: TextRedactor,
  ) {}

  async provisionIncidentSpace(incident: IncidentState): Promise<IncidentSpace> {
    const title = this.redactor.redact(incident.title);
    const name = `inc-${incident.number}-${slugify(title, 70)}`;
    this.print(
      `[#${name}] tocsin: ${incidentLabel(incident.number)} ${incident.severity} ${title}. ` +
        `Commander: ${incident.declaredBy.name}. Status: ${incident.status}.`,
    );
    return { channelId: name, channelName: name };
  }

  async postMessage(_workspace: string, channel: string, reply: Reply): Promise<void> {
    this.print(renderConsoleReply(redactReply(reply, this.redactor), channel));
  }

  async sendDirectMessage(_workspace: string, userId: string, message: InteractiveMessage): Promise<void> {
    this.print(`[DM @${userId}] tocsin: ${this.redactor.redact(renderInteractive(message))}`);
  }

  async postInteractive(_workspace: string, channel: string, message: InteractiveMessage): Promise<void> {
    this.print(`[#${channel}] tocsin: ${this.redactor.redact(renderInteractive(message))}`);
  }
}

/** Buttons show the command they run, since in the console you press one by typing it. */
function renderInteractive(message: InteractiveMessage): string {
  const mentions = (message.mentions ?? []).map((user) => `@${user} `).join('');
  const buttons = (message.buttons ?? []).map((button) => `  [${button.label}: /incident ${button.command}]`);
  return `${mentions}${message.text}${buttons.join('')}`;
}
