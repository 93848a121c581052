import type { CoreSettings } from '../core-services.ts';
import type { UserError } from '../errors.ts';
import type { InboundContext } from '../inbound-event.ts';
import type { IncidentState } from '../model/incident-state.ts';
import { needsGroups, type Requester, refusal } from '../policy/permission-policy.ts';
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

export function isPermissionDenied(error: UserError): boolean {
  return error.identifier === 'permission_denied';
}
