import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AdjustableClock, InboundContext, IncidentCore } from '../../src/core/public-api.ts';
import { formatClock, parseDateTime, systemErrorReply } from '../../src/core/public-api.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { CONSOLE_PLATFORM, CONSOLE_WORKSPACE } from './console-platform.ts';
import { renderConsoleReply } from './render-console-reply.ts';

export interface ConsoleChatOptions {
  core: IncidentCore;
  jobs: JobQueue;
  clock: AdjustableClock;
  input: Readable;
  output: Writable;
  timeZone: string;
  user?: string;
  channel?: string;
}

const CONSOLE_HELP = [
  'Console commands:',
  '  /incident <command> ...   run an incident command (/incident help lists them)',
  '  /as <name>                speak as another person',
  '  /join <channel>           move to another channel',
  '  /clock YYYY-MM-DD HH:MM[ TZ] | /clock now   set the simulated clock',
  '  /quit                     leave',
  '  anything else             a chat message in the current channel',
].join('\n');

/**
 * A local chat in the terminal, for trying tocsin without Slack or Discord, demos, and
 * replays. Lines are handled strictly one after another, so piped input behaves like typing.
 */
export class ConsoleChat {
  private user: string;
  private channel: string;
  private sequence = 0;

  constructor(private readonly options: ConsoleChatOptions) {
    this.user = options.user ?? 'you';
    this.channel = options.channel ?? 'general';
  }

  print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  /** Runs until end of input (or /quit), then waits for pending background work. */
  async run(): Promise<void> {
    const { input, output } = this.options;
    const interactive = (input as { isTTY?: boolean }).isTTY === true;
    const rl = createInterface({ input, output, terminal: interactive });
    const prompt = () => {
      if (interactive) {
        rl.setPrompt(`${this.user}@#${this.channel}> `);
        rl.prompt();
      }
    };
    if (interactive) this.print('tocsin console. Type /help for help, /incident help for incident commands.');
    prompt();
    for await (const line of rl) {
      const keepGoing = await this.handleLine(line);
      if (!keepGoing) break;
      prompt();
    }
    rl.close();
    await this.options.jobs.settle();
  }

  async handleLine(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (!line) return true;
    try {
      return await this.dispatch(line);
    } catch (error) {
      this.print(renderConsoleReply(systemErrorReply(error), this.channel));
      return true;
    }
  }

  private async dispatch(line: string): Promise<boolean> {
    const [word = '', ...restWords] = line.split(/\s+/);
    const rest = restWords.join(' ');
    switch (word) {
      case '/quit':
      case '/exit':
        return false;
      case '/help':
        this.print(CONSOLE_HELP);
        return true;
      case '/as':
        if (rest) this.user = rest.replace(/^@/, '');
        else this.print('Usage: /as <name>');
        return true;
      case '/join':
        if (rest) this.channel = rest.replace(/^#/, '');
        else this.print('Usage: /join <channel>');
        return true;
      case '/clock':
        this.setClock(rest);
        return true;
      case '/incident':
        await this.command(rest);
        return true;
      default:
        if (word.startsWith('/')) {
          this.print(`Unknown console command ${word}. ${CONSOLE_HELP}`);
          return true;
        }
        await this.message(line);
        return true;
    }
  }

  private setClock(text: string): void {
    const { clock, timeZone } = this.options;
    if (text === 'now') {
      clock.reset();
      this.print('Clock: real time.');
      return;
    }
    const instant = parseDateTime(text, timeZone);
    if (!instant) {
      this.print('Usage: /clock YYYY-MM-DD HH:MM[ TZ]  or  /clock now');
      return;
    }
    clock.set(instant);
    this.print(`Clock: ${formatClock(instant, timeZone, true)}.`);
  }

  private context(): InboundContext {
    return {
      platform: CONSOLE_PLATFORM,
      workspace: CONSOLE_WORKSPACE,
      channel: this.channel,
      actor: { id: this.user, name: this.user },
    };
  }

  private async command(text: string): Promise<void> {
    const { core, jobs } = this.options;
    const reply = await core.process({ kind: 'command', text, context: this.context() });
    if (!reply) return;
    this.print(renderConsoleReply(reply, this.channel));
    await jobs.settle();
    // Declaring moves you into the new incident's channel, as the platforms' clients do.
    if (reply.incident && !reply.error && /^start\b/i.test(text.trim())) {
      const state = await core.services.store.state(reply.incident);
      if (state?.channel) this.channel = state.channel.id;
    }
  }

  private async message(text: string): Promise<void> {
    const { core, clock } = this.options;
    const occurredAt = clock.now();
    this.sequence += 1;
    await core.process({
      kind: 'message',
      messageId: `${occurredAt.getTime()}.${String(this.sequence).padStart(6, '0')}`,
      text,
      occurredAt,
      context: this.context(),
    });
  }
}
