import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AdjustableClock, InboundContext, IncidentCore } from '../../src/core/public-api.ts';
import { formatClock, parseDateTime, type Reply } from '../../src/core/public-api.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { AdapterRuntime } from '../runtime/adapter-runtime.ts';
import type { Warn } from '../runtime/work-in-flight.ts';
import { ConsoleCapture } from './console-capture.ts';
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
  /** Where failures of the core are logged; the person reads the shared wording either way. */
  warn?: Warn;
}

const CONSOLE_HELP = [
  'Console commands:',
  '  /incident <command> ...   run an incident command (/incident help lists them)',
  '  /as <name>                speak as another person',
  '  /join <channel>           move to another channel',
  '  /clock YYYY-MM-DD HH:MM[ TZ] | /clock now   set the simulated clock',
  '  /edit <text> | /delete     edit or delete your last message in this channel',
  "  /pin | /unpin              put the channel's last message on the timeline (📌), or take it off",
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
  private readonly runtime: AdapterRuntime;
  private readonly capture: ConsoleCapture;

  constructor(private readonly options: ConsoleChatOptions) {
    this.user = options.user ?? 'you';
    this.channel = options.channel ?? 'general';
    this.runtime = new AdapterRuntime({ core: options.core, warn: options.warn ?? (() => {}) });
    this.capture = new ConsoleCapture(this.runtime, options.clock);
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
      this.answer(this.runtime.failed(`the console could not handle ${JSON.stringify(line)}`, error));
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
      case '/edit':
        this.answer(await this.capture.edit(this.context(), rest));
        return true;
      case '/delete':
        this.answer(await this.capture.remove(this.context()));
        return true;
      case '/pin':
      case '/unpin':
        this.answer(await this.capture.pin(this.context(), word === '/pin'));
        return true;
      default:
        if (word.startsWith('/')) {
          this.print(`Unknown console command ${word}. ${CONSOLE_HELP}`);
          return true;
        }
        this.answer(await this.capture.say(this.context(), line));
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
    const reply = await this.runtime.command({ kind: 'command', text, context: this.context() });
    if (!reply) return;
    this.answer(reply);
    await jobs.settle();
    // Declaring moves you into the new incident's channel, as the platforms' clients do.
    if (reply.incident && !reply.error && /^start\b/i.test(text.trim())) {
      const state = await core.services.store.state(reply.incident);
      if (state?.channel) this.channel = state.channel.id;
    }
  }

  private answer(reply: Reply | undefined): void {
    if (reply) this.print(renderConsoleReply(reply, this.channel));
  }
}
