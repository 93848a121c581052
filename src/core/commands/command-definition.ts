import type { CoreServices, CoreSettings } from '../core-services.ts';
import type { Result } from '../errors.ts';
import type { Actor, Origin } from '../model/events.ts';
import type { IncidentState } from '../model/incident-state.ts';
import type { SeverityAliases } from '../model/severity-words.ts';
import type { PagingDirectory } from '../policy/paging-directory.ts';
import type { PermissionRule } from '../policy/permission-policy.ts';
import type { Decision } from '../write/decision.ts';
import type { Reply } from './reply.ts';

/** Typed option of a command: Discord registers these, the text parser fills them. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'user' | 'boolean';
  required: boolean;
  choices?: readonly string[];
  maxLength?: number;
}

export type RawOptions = Record<string, string | undefined>;

export interface ParseContext {
  now: Date;
  timeZone: string;
  /** The configured `severity_aliases`, read wherever a severity is. */
  severityAliases: SeverityAliases;
}

/** What a decider may know besides the state: who, where, when, and the policy. No I/O. */
export interface DecideContext {
  actor: Actor;
  origin: Origin;
  now: Date;
  settings: CoreSettings;
  paging: PagingDirectory;
}

/** What a query (or a write command's preparation) may read. */
export interface ReadContext<A> extends DecideContext {
  args: A;
  services: CoreServices;
  /** The registry, for help. */
  commands: readonly CommandDefinition[];
  /** Present for commands with scope `incident`: the incident of the channel. */
  incident: IncidentState | undefined;
}

interface CommandMeta {
  name: string;
  summary: string;
  usage: string;
  examples: readonly string[];
  options: readonly OptionSpec[];
  /** `incident`: must be typed in an incident channel. */
  scope: 'anywhere' | 'incident';
  /** Commands that still make sense after resolve: timelines are completed after the fact. */
  allowedWhenResolved: boolean;
  /** The `permissions:` rule that says who may run it; none: anyone who can type in the channel. */
  permission?: PermissionRule;
}

/** One command of the grammar. The registry of these generates parser, help and Discord options. */
interface CommandGrammar<A> extends CommandMeta {
  /** Splits the text after the subcommand into option values. */
  parseText(text: string): Result<RawOptions>;
  /** Checks and converts option values, whichever way they arrived. */
  build(options: RawOptions, context: ParseContext): Result<A>;
}

/**
 * A command that changes the incident: a pure decider, committed by the core's one write path
 * (re-decided on fresh state after contention). `prepare` reads what the decision needs and the
 * state cannot give (a rendered draft), once, before the write.
 */
export interface WriteCommand<A, P = undefined> extends CommandGrammar<A> {
  kind: 'write';
  /**
   * The reply promises what a reaction does (the postmortem's "written to <path>"): answer once
   * the reactions to the append ran, or after a few seconds if no reactor runs them yet.
   */
  awaitReactions?: boolean;
  prepare?(context: ReadContext<A>): Promise<Result<P>>;
  /** For `anywhere` commands the state is undefined (a declaration has none yet). */
  decide(state: IncidentState | undefined, args: A, context: DecideContext, prepared: P): Result<Decision>;
}

/** A command that only reads (timeline, list, stats, help, on-call): it answers, writes nothing. */
export interface QueryCommand<A> extends CommandGrammar<A> {
  kind: 'query';
  answer(context: ReadContext<A>): Promise<Result<Reply>>;
}

export type CommandDefinition<A = unknown> = WriteCommand<A, unknown> | QueryCommand<A>;

/** Erases the argument type so definitions can live in one list. */
export function defineCommand<A, P = undefined>(
  definition: WriteCommand<A, P> | QueryCommand<A>,
): CommandDefinition<unknown> {
  return definition as unknown as CommandDefinition<unknown>;
}
