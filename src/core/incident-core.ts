import { captureChatter } from './capture-chatter.ts';
import { findCommand } from './commands/closest-command.ts';
import type {
  CommandDefinition,
  DecideContext,
  QueryCommand,
  RawOptions,
  ReadContext,
  WriteCommand,
} from './commands/command-definition.ts';
import { allowed, notAnIncidentChannel, unknownCommand, withUsage } from './commands/command-refusals.ts';
import { isPermissionDenied, PermissionGate, recordDenial } from './commands/permission-gate.ts';
import { redactReply } from './commands/redact-reply.ts';
import { errorReply, type Reply } from './commands/reply.ts';
import { SYSTEM_ERROR_CODES } from './commands/system-error-reply.ts';
import { splitFirst } from './commands/text-tokens.ts';
import type { CoreServices } from './core-services.ts';
import { fail, type Result, SystemError, type UserError, userError } from './errors.ts';
import { InFlightTracker } from './in-flight-tracker.ts';
import type { InboundContext, InboundEvent } from './inbound-event.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { IncidentState } from './model/incident-state.ts';
import { takeAllowance } from './policy/rate-limit-buckets.ts';
import { outsideAllowedWorkspaces } from './policy/workspace-allowlist.ts';
import { reactionsRan } from './reactions/reactions-ran.ts';
import { cleanInbound } from './text/clean-inbound.ts';
import { type CommitOutcome, commit } from './write/commit.ts';

export interface CommandObserver {
  onCommand?(name: string, outcome: 'ok' | 'user_error' | 'system_error', durationMs: number): void;
  /** A message, edit or deletion in an incident channel was handed to the log. */
  onCapture?(platform: string): void;
  /** A permission rule refused a command (also in the incident's log when there is one). */
  onPermissionDenied?(command: string, context: InboundContext): void;
  /** `process` is about to throw this; the caller renders it with systemErrorReply. */
  onSystemError?(error: SystemError, event: InboundEvent): void;
}

/** The core's services and the command registry it answers with. */
export type CommandServices = CoreServices & { commands: readonly CommandDefinition[] };

/** A reply, or undefined when there is nothing to say (chatter, a delivery seen before). */
type Answer = Reply | undefined;

/**
 * The core's one entry point: every adapter hands it an InboundEvent and renders the Reply.
 * Nothing here knows which platform the event came from. Writes go through `commit`, the one
 * write path; what follows from them runs from the log (see Reactor).
 */
export class IncidentCore {
  /** What a graceful shutdown waits for, and closes so that no new work starts. */
  readonly inFlight = new InFlightTracker();

  private readonly commands: readonly CommandDefinition[];

  constructor(
    readonly services: CommandServices,
    private readonly observer: CommandObserver = {},
  ) {
    this.commands = services.commands;
  }

  /**
   * Either returns the reply (the command's events are in the log) or throws a SystemError whose
   * code says what happened (see SYSTEM_ERROR_CODES); it never reports as done what was not.
   */
  async process(event: InboundEvent): Promise<Reply | undefined> {
    let end: (() => void) | undefined;
    try {
      end = this.inFlight.begin();
      const reply = await this.handle(cleanInbound(event));
      // The one redaction pass: replies echo what people typed, and a pasted secret must not be
      // echoed back to the channel.
      return reply && redactReply(reply, this.services.redactor);
    } catch (error) {
      const failure = asSystemError(error);
      this.observer.onSystemError?.(failure, event);
      throw failure;
    } finally {
      end?.();
    }
  }

  private async handle(event: InboundEvent): Promise<Answer> {
    const { context } = event;
    const outside = outsideAllowedWorkspaces(this.services.settings, context);
    if (outside)
      return event.kind === 'command' || event.kind === 'command-options' ? errorReply(outside) : undefined;
    const deliveryKey =
      context.eventId === undefined
        ? undefined
        : `${context.platform}:${context.workspace}:${context.eventId}`;
    switch (event.kind) {
      case 'command':
        return this.runText(event.text, context, deliveryKey);
      case 'command-options':
        return this.runOptions(event.name, event.options, context, deliveryKey);
      default:
        if (await captureChatter(this.services, event, deliveryKey))
          this.observer.onCapture?.(context.platform);
        return undefined;
    }
  }

  private async runText(
    text: string,
    context: InboundContext,
    deliveryKey: string | undefined,
  ): Promise<Answer> {
    const [name, rest] = splitFirst(text);
    if (!name) return this.runOptions('help', {}, context, deliveryKey);
    const command = findCommand(this.commands, name);
    if (!command) return this.refuse(unknownCommand(this.commands, name), deliveryKey);
    const options = command.parseText(rest);
    if (!options.ok) return this.refuse(withUsage(options.error, command), deliveryKey);
    return this.execute(command, options.value, context, deliveryKey);
  }

  private async runOptions(
    name: string,
    options: RawOptions,
    context: InboundContext,
    deliveryKey: string | undefined,
  ): Promise<Answer> {
    const command = findCommand(this.commands, name);
    if (!command) return this.refuse(unknownCommand(this.commands, name), deliveryKey);
    return this.execute(command, options, context, deliveryKey);
  }

  private async execute(
    command: CommandDefinition,
    options: RawOptions,
    context: InboundContext,
    deliveryKey: string | undefined,
  ): Promise<Answer> {
    const started = performance.now();
    const report = (outcome: 'ok' | 'user_error' | 'system_error') =>
      this.observer.onCommand?.(command.name, outcome, performance.now() - started);
    try {
      const answer = await this.answer(command, options, context, deliveryKey);
      report(answer === undefined || !answer.error ? 'ok' : 'user_error');
      return answer;
    } catch (error) {
      report('system_error');
      throw error;
    }
  }

  private async answer(
    command: CommandDefinition,
    options: RawOptions,
    context: InboundContext,
    deliveryKey: string | undefined,
  ): Promise<Answer> {
    const { services } = this;
    const now = services.clock.now();
    const { timezone: timeZone, severityAliases } = services.settings;
    const args = command.build(options, { now, timeZone, severityAliases });
    if (!args.ok) return this.refuse(withUsage(args.error, command), deliveryKey);
    const decideContext: DecideContext = {
      actor: context.actor,
      origin: { platform: context.platform, workspace: context.workspace, channel: context.channel },
      now,
      settings: services.settings,
      paging: services.paging,
    };
    let ref: IncidentRef | undefined;
    if (command.scope === 'incident') {
      ref = await services.store.findByChannel(context, context.channel);
      if (!ref) return this.refuse(withUsage(notAnIncidentChannel(command), command), deliveryKey);
    }
    const gate = await PermissionGate.open(command, context, services.settings);
    if (command.kind === 'query') {
      const reply = await this.query(command, ref, args.value, decideContext, gate);
      return this.delivered(
        reply.ok ? reply.value : errorReply(withUsage(reply.error, command)),
        deliveryKey,
        ref,
      );
    }
    const outcome = await this.write(command, ref, args.value, decideContext, deliveryKey, gate);
    switch (outcome.status) {
      case 'duplicate':
        return undefined;
      case 'refused':
        if (isPermissionDenied(outcome.error))
          return this.denied(command, outcome.error, ref, context, deliveryKey);
        return this.refuse(withUsage(outcome.error, command), deliveryKey, ref);
      case 'unchanged':
        return this.delivered(
          outcome.reply ?? errorReply(userError('no_change', 'Nothing to record.')),
          deliveryKey,
          ref,
        );
      case 'committed': {
        if (command.kind === 'write' && command.awaitReactions && outcome.feedId !== undefined) {
          await reactionsRan(this.services.reactions, outcome.feedId);
        }
        const reply = outcome.reply ?? { visibility: 'ephemeral' as const, text: 'Recorded.' };
        if (command.scope !== 'incident' || !outcome.before) return reply;
        return { ...reply, incident: { ...outcome.ref, ...channelOf(outcome.before) } };
      }
    }
  }

  private async query(
    command: QueryCommand<unknown>,
    ref: IncidentRef | undefined,
    args: unknown,
    context: DecideContext,
    gate: PermissionGate,
  ): Promise<Result<Reply>> {
    const incident = ref && (await this.services.store.state(ref));
    if (ref && !incident) return fail(notAnIncidentChannel(command));
    const refused = gate.check(incident) ?? (incident && allowed(command, incident));
    if (refused) return fail(refused);
    return command.answer(this.readContext(args, context, incident));
  }

  private async write(
    command: WriteCommand<unknown, unknown>,
    ref: IncidentRef | undefined,
    args: unknown,
    context: DecideContext,
    deliveryKey: string | undefined,
    gate: PermissionGate,
  ): Promise<CommitOutcome> {
    let prepared: unknown;
    if (command.prepare) {
      const incident = ref && (await this.services.store.state(ref));
      const refused = gate.check(incident) ?? (incident && allowed(command, incident));
      if (refused) return { status: 'refused', error: refused };
      const result = await command.prepare(this.readContext(args, context, incident));
      if (!result.ok) return { status: 'refused', error: result.error };
      prepared = result.value;
    }
    const decide = (state: IncidentState | undefined) => {
      const refused = gate.check(state) ?? (state && allowed(command, state));
      if (refused) return fail(refused);
      return command.decide(state, args, context, prepared);
    };
    // A declaration has no state to wait for: who may declare is known before the allowance is spent.
    const early = ref ? undefined : gate.check(undefined);
    if (early) return { status: 'refused', error: early };
    const take = await takeAllowance(this.services, command.permission, context);
    if (take && !take.ok) return { status: 'refused', error: take.error };
    const outcome = await commit(this.services, {
      target: ref ? { kind: 'incident', ref } : { kind: 'declare', workspace: context.origin },
      actor: context.actor,
      origin: context.origin,
      now: context.now,
      ...(deliveryKey === undefined ? {} : { deliveryKey }),
      decide,
    });
    // Only what was recorded counts against the allowance.
    if (take?.ok && outcome.status !== 'committed') await take.release();
    return outcome;
  }

  private readContext(
    args: unknown,
    context: DecideContext,
    incident: IncidentState | undefined,
  ): ReadContext<unknown> {
    return { ...context, args, services: this.services, commands: this.commands, incident };
  }

  /** A permission refusal is also an audit record (see recordDenial); the reply is the refusal. */
  private async denied(
    command: CommandDefinition,
    error: UserError,
    ref: IncidentRef | undefined,
    context: InboundContext,
    deliveryKey: string | undefined,
  ): Promise<Answer> {
    this.observer.onPermissionDenied?.(command.name, context);
    if (!ref || !command.permission) return this.refuse(error, deliveryKey, ref);
    const recorded = await recordDenial(this.services, {
      ref,
      command: command.name,
      rule: command.permission,
      context,
      deliveryKey,
    });
    return recorded ? errorReply(error) : undefined;
  }

  /** A refusal marks its delivery done, so a platform retry of it is not answered twice. */
  private refuse(error: UserError, deliveryKey: string | undefined, ref?: IncidentRef): Promise<Answer> {
    return this.delivered(errorReply(error), deliveryKey, ref);
  }

  /**
   * Marks a delivery that wrote nothing as done once its answer is ready; a repeat gets none. With
   * the incident named, a retry of a delivery that did append to it (and is refused now) is seen too.
   */
  private async delivered(reply: Reply, deliveryKey: string | undefined, ref?: IncidentRef): Promise<Answer> {
    if (deliveryKey === undefined) return reply;
    return (await this.services.store.markDelivered(deliveryKey, ref)) ? reply : undefined;
  }
}

/** Store and queue failures arrive as driver errors; callers see one typed error with the cause kept. */
function asSystemError(error: unknown): SystemError {
  if (error instanceof SystemError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SystemError(SYSTEM_ERROR_CODES.notRecorded, `could not record: ${reason}`, { cause: error });
}

function channelOf(incident: IncidentState): { channel?: string } {
  return incident.channel ? { channel: incident.channel.id } : {};
}
