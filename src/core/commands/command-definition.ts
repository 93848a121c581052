import type { CoreServices } from '../core-services.ts';
import type { Result } from '../errors.ts';
import type { Actor, IncidentEventBody, Origin } from '../model/events.ts';
import type { IncidentState } from '../model/incident-state.ts';
import type { Reply } from './reply.ts';

/** Typed option of a command: Discord registers these, the text parser fills them. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'user';
  required: boolean;
  choices?: readonly string[];
  maxLength?: number;
}

export type RawOptions = Record<string, string | undefined>;

export interface ParseContext {
  now: Date;
  timeZone: string;
}

export interface CommandContext<A> {
  args: A;
  actor: Actor;
  origin: Origin;
  now: Date;
  services: CoreServices;
  /** Present for commands with scope `incident`: the incident of the channel, folded fresh. */
  incident: IncidentState | undefined;
}

export interface Outcome {
  reply: Reply;
  /** Appended to the incident's log atomically; on a concurrent write the command is re-run. */
  events?: IncidentEventBody[];
}

/** One command of the grammar. The registry of these generates parser, help and Discord options. */
export interface CommandDefinition<A = unknown> {
  name: string;
  summary: string;
  usage: string;
  examples: readonly string[];
  options: readonly OptionSpec[];
  /** `incident`: must be typed in an incident channel. */
  scope: 'anywhere' | 'incident';
  /** Commands that still make sense after resolve: timelines are completed after the fact. */
  allowedWhenResolved: boolean;
  /** Splits the text after the subcommand into option values. */
  parseText(text: string): Result<RawOptions>;
  /** Checks and converts option values, whichever way they arrived. */
  build(options: RawOptions, context: ParseContext): Result<A>;
  run(context: CommandContext<A>): Promise<Result<Outcome>>;
}

/** Erases the argument type so definitions can live in one list. */
export function defineCommand<A>(definition: CommandDefinition<A>): CommandDefinition<unknown> {
  return definition as unknown as CommandDefinition<unknown>;
}
