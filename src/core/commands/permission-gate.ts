import type { CoreServices, CoreSettings } from '../core-services.ts';
import { ok, type UserError } from '../errors.ts';
import type { InboundContext } from '../inbound-event.ts';
import type { IncidentRef } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';
import { needsGroups, type PermissionRule, type Requester, refusal } from '../policy/permission-policy.ts';
import { commit } from '../write/commit.ts';
import type { CommandDefinition } from './command-definition.ts';

/**
 * The permission precondition of every command, in one place: the registry says which rule a
 * command falls under, the config says who that rule lets in.
 */
export class PermissionGate {
  private constructor(
    private readonly command: CommandDefinition,
    private readonly settings: CoreSettings,
    private readonly requester: Requester | undefined,
  ) {}

  /** Reads the requester's groups only when the command's rule names a group or a responder. */
  static async open(command: CommandDefinition, context: InboundContext, settings: CoreSettings) {
    const rule = command.permission;
    if (!rule) return new PermissionGate(command, settings, undefined);
    const groups = needsGroups(settings.permissions, rule) && context.groups ? await context.groups() : [];
    return new PermissionGate(command, settings, {
      platform: context.platform,
      actor: context.actor,
      groups,
    });
  }

  /** The refusal for this state (the commander can change between retries, so it is asked each time). */
  check(state: IncidentState | undefined): UserError | undefined {
    const rule = this.command.permission;
    if (!rule || !this.requester) return undefined;
    return refusal(this.settings.permissions, rule, this.command.name, this.requester, state);
  }
}

/**
 * Writes who was refused what into the incident's log, with the delivery mark so a platform retry
 * neither answers nor records it twice. False when this delivery was already handled.
 */
export async function recordDenial(
  services: CoreServices,
  denial: {
    ref: IncidentRef;
    command: string;
    rule: PermissionRule;
    context: InboundContext;
    deliveryKey: string | undefined;
  },
): Promise<boolean> {
  const { context, deliveryKey } = denial;
  const outcome = await commit(services, {
    target: { kind: 'incident', ref: denial.ref },
    actor: context.actor,
    origin: { platform: context.platform, workspace: context.workspace, channel: context.channel },
    ...(deliveryKey === undefined ? {} : { deliveryKey }),
    decide: () => ok({ events: [{ type: 'permission_denied', command: denial.command, rule: denial.rule }] }),
  });
  return outcome.status !== 'duplicate';
}

export function isPermissionDenied(error: UserError): boolean {
  return error.identifier === 'permission_denied';
}
