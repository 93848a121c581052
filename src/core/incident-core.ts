import { redactReply } from '../redaction/redact-reply.ts';
import { createRedactor, type Redactor } from '../redaction/redact-secrets.ts';
import { captureChatter } from './capture-chatter.ts';
import type { CommandDefinition, RawOptions } from './commands/command-definition.ts';
import { closestCommand, findCommand } from './commands/command-registry.ts';
import { errorReply, type Reply } from './commands/reply.ts';
import { SYSTEM_ERROR_CODES } from './commands/system-error-reply.ts';
import { splitFirst } from './commands/text-tokens.ts';
import { contentionBackoff } from './contention-backoff.ts';
import type { CoreServices } from './core-services.ts';
import { fail, ok, type Result, SystemError, type UserError, userError } from './errors.ts';
import { InFlightTracker } from './in-flight-tracker.ts';
import type { InboundContext, InboundEvent } from './inbound-event.ts';
import type { IncidentEvent, IncidentEventBody } from './model/events.ts';
import { incidentLabel } from './model/incident-ref.ts';
import type { IncidentState } from './model/incident-state.ts';
import { afterAppend } from './reactions.ts';

const MAX_WRITE_ATTEMPTS = 60;
const DEDUPE_WINDOW_SECONDS = 24 * 3600;

export interface CommandObserver {
  onCommand?(name: string, outcome: 'ok' | 'user_error' | 'system_error', durationMs: number): void;
  /** A message, edit or deletion in an incident channel was handed to the log. */
  onCapture?(platform: string): void;
  /** `process` is about to throw this; the caller renders it with systemErrorReply. */
  onSystemError?(error: SystemError, event: InboundEvent): void;
}

/**
 * The core's one entry point: every adapter hands it an InboundEvent and renders the Reply.
 * Nothing here knows which platform the event came from.
 */
export class IncidentCore {
  /** What a graceful shutdown waits for, and closes so that no new work starts. */
  readonly inFlight = new InFlightTracker();

  private readonly redactor: Redactor;

  constructor(
    readonly services: CoreServices,
    private readonly observer: CommandObserver = {},
  ) {
    this.redactor = createRedactor(services.config.redaction.extra_patterns);
  }

  /**
   * Either returns the reply (the command's events are in the log) or throws a SystemError whose
   * code says what happened (see SYSTEM_ERROR_CODES); it never reports as done what was not.
   */
  async process(event: InboundEvent): Promise<Reply | undefined> {
    let end: (() => void) | undefined;
    try {
      end = this.inFlight.begin();
      return await this.handle(event);
    } catch (error) {
      const failure = asSystemError(error);
      this.observer.onSystemError?.(failure, event);
      throw failure;
    } finally {
      end?.();
    }
  }

  private async handle(event: InboundEvent): Promise<Reply | undefined> {
    const { context } = event;
    // A new message is deduplicated by its own id when it is appended, so it skips the delivery-id
    // check (one Redis round trip less on the hottest path). Everything else needs the check.
    if (context.eventId !== undefined && event.kind !== 'message') {
      const fresh = await this.services.store.firstSeen(
        `${context.platform}:${context.workspace}:${context.eventId}`,
        DEDUPE_WINDOW_SECONDS,
      );
      if (!fresh) return undefined;
    }
    // Replies echo what people typed; a pasted secret must not be echoed back to the channel.
    switch (event.kind) {
      case 'command':
        return redactReply(await this.runText(event.text, context), this.redactor);
      case 'command-options':
        return redactReply(await this.runOptions(event.name, event.options, context), this.redactor);
      default:
        if (await captureChatter(this.services, event)) this.observer.onCapture?.(context.platform);
        return undefined;
    }
  }

  private async runText(text: string, context: InboundContext): Promise<Reply> {
    const [name, rest] = splitFirst(text);
    if (!name) return this.runOptions('help', {}, context);
    const command = findCommand(this.services.commands, name);
    if (!command) return errorReply(unknownCommand(this.services.commands, name));
    const options = command.parseText(rest);
    if (!options.ok) return errorReply(withUsage(options.error, command));
    return this.execute(command, options.value, context);
  }

  private async runOptions(name: string, options: RawOptions, context: InboundContext): Promise<Reply> {
    const command = findCommand(this.services.commands, name);
    if (!command) return errorReply(unknownCommand(this.services.commands, name));
    return this.execute(command, options, context);
  }

  private async execute(
    command: CommandDefinition,
    options: RawOptions,
    context: InboundContext,
  ): Promise<Reply> {
    const started = performance.now();
    const report = (outcome: 'ok' | 'user_error' | 'system_error') =>
      this.observer.onCommand?.(command.name, outcome, performance.now() - started);
    try {
      const result = await this.decideAndAppend(command, options, context);
      report(result.ok ? 'ok' : 'user_error');
      return result.ok ? result.value : errorReply(withUsage(result.error, command));
    } catch (error) {
      report('system_error');
      throw error;
    }
  }

  private async decideAndAppend(
    command: CommandDefinition,
    options: RawOptions,
    context: InboundContext,
  ): Promise<Result<Reply>> {
    const { services } = this;
    const now = services.clock.now();
    const args = command.build(options, { now, timeZone: services.config.timezone });
    if (!args.ok) return args;
    const origin = { platform: context.platform, workspace: context.workspace, channel: context.channel };
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      let incident: IncidentState | undefined;
      if (command.scope === 'incident') {
        const found = await this.incidentOfChannel(context, command);
        if (!found.ok) return found;
        incident = found.value;
      }
      const outcome = await command.run({
        args: args.value,
        actor: context.actor,
        origin,
        now,
        services,
        incident,
      });
      if (!outcome.ok) return outcome;
      const bodies = outcome.value.events ?? [];
      if (!incident || bodies.length === 0) return ok(outcome.value.reply);
      const events = bodies.map((body) => stamp(body, context, now));
      if (await services.store.appendIfRevision(incident.ref, incident.revision, events)) {
        await afterAppend(services, incident, events).catch((cause: unknown) => {
          throw new SystemError(
            SYSTEM_ERROR_CODES.followUpFailed,
            `${command.name} was recorded, but its follow-up jobs could not be queued`,
            { cause },
          );
        });
        return ok({ ...outcome.value.reply, incident: { ...incident.ref, ...channelOf(incident) } });
      }
      await contentionBackoff(attempt);
    }
    throw new SystemError(
      'write_contention',
      `could not record ${command.name}: too many concurrent writers`,
    );
  }

  private async incidentOfChannel(
    context: InboundContext,
    command: CommandDefinition,
  ): Promise<Result<IncidentState>> {
    const { store } = this.services;
    const ref = await store.findByChannel(context, context.channel);
    const state = ref ? await store.state(ref) : undefined;
    if (!state) {
      return fail(
        userError(
          'not_an_incident_channel',
          `/incident ${command.name} works only in an incident's channel, and this channel has no incident. ` +
            'Run it in the incident channel (see /incident list), or declare one with /incident start.',
        ),
      );
    }
    if (state.status === 'resolved' && !command.allowedWhenResolved) {
      return fail(
        userError(
          'incident_resolved',
          `${incidentLabel(state.number)} is resolved, so /incident ${command.name} no longer applies. ` +
            'Reopen it first with /incident reopen.',
        ),
      );
    }
    return ok(state);
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

function stamp(body: IncidentEventBody, context: InboundContext, now: Date): IncidentEvent {
  return {
    ...body,
    at: now.toISOString(),
    actor: context.actor,
    origin: { platform: context.platform, workspace: context.workspace, channel: context.channel },
  };
}

function withUsage(error: UserError, command: CommandDefinition): UserError {
  return error.usage ? error : { ...error, usage: command.usage };
}

function unknownCommand(commands: readonly CommandDefinition[], typed: string): UserError {
  const closest = closestCommand(commands, typed);
  if (closest) {
    return userError(
      'unknown_command',
      `There is no command "${typed}". Did you mean ${closest.name}?`,
      closest.usage,
    );
  }
  return userError(
    'unknown_command',
    `There is no command "${typed}". Commands: ${commands.map((command) => command.name).join(', ')}.`,
    '/incident help [command]',
  );
}
