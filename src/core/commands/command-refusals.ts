import { type UserError, userError } from '../errors.ts';
import { incidentLabel } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';
import { closestCommand } from './closest-command.ts';
import type { CommandDefinition } from './command-definition.ts';

/** The user errors the core answers before a command runs: wrong place, resolved, unknown. */
export function allowed(command: CommandDefinition, state: IncidentState): UserError | undefined {
  if (state.status !== 'resolved' || command.allowedWhenResolved) return undefined;
  return userError(
    'incident_resolved',
    `${incidentLabel(state.number)} is resolved, so /incident ${command.name} no longer applies. ` +
      'Reopen it first with /incident reopen.',
  );
}

export function notAnIncidentChannel(command: CommandDefinition): UserError {
  return userError(
    'not_an_incident_channel',
    `/incident ${command.name} works only in an incident's channel, and this channel has no incident. ` +
      'Run it in the incident channel (see /incident list), or declare one with /incident start.',
  );
}

export function withUsage(error: UserError, command: CommandDefinition): UserError {
  return error.usage ? error : { ...error, usage: command.usage };
}

export function unknownCommand(commands: readonly CommandDefinition[], typed: string): UserError {
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
