import type { IncidentState, Reply } from '../../src/core/public-api.ts';
import { incidentLabel, slugify } from '../../src/core/public-api.ts';
import type { ChatPlatform, IncidentSpace, InteractiveMessage } from '../../src/ports/chat-platform.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import { renderConsoleReply } from './render-console-reply.ts';

export const CONSOLE_PLATFORM = 'console';
export const CONSOLE_WORKSPACE = 'local';

/** The terminal as a chat platform: channels are just names, and posting is printing. */
export class ConsolePlatform implements ChatPlatform {
  readonly name = CONSOLE_PLATFORM;

  constructor(
    private readonly print: (text: string) => void,
    /** The app's redactor: a channel name is kept in the log and shown everywhere the incident is. */
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
    this.print(renderConsoleReply(reply, channel));
  }

  async sendDirectMessage(_workspace: string, userId: string, message: InteractiveMessage): Promise<void> {
    this.print(`[DM @${userId}] tocsin: ${renderInteractive(message)}`);
  }

  async postInteractive(_workspace: string, channel: string, message: InteractiveMessage): Promise<void> {
    this.print(`[#${channel}] tocsin: ${renderInteractive(message)}`);
  }
}

/** Buttons show the command they run, since in the console you press one by typing it. */
function renderInteractive(message: InteractiveMessage): string {
  const mentions = (message.mentions ?? []).map((user) => `@${user} `).join('');
  const buttons = (message.buttons ?? []).map((button) => `  [${button.label}: /incident ${button.command}]`);
  return `${mentions}${message.text}${buttons.join('')}`;
}
