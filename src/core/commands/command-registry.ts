import type { CommandDefinition } from './command-definition.ts';
import { ackCommand } from './definitions/ack-command.ts';
import { actionCommand } from './definitions/action-command.ts';
import { helpCommand } from './definitions/help-command.ts';
import { listCommand } from './definitions/list-command.ts';
import { noteCommand } from './definitions/note-command.ts';
import { oncallCommand } from './definitions/oncall-command.ts';
import { pageCommand } from './definitions/page-command.ts';
import { postmortemCommand } from './definitions/postmortem-command.ts';
import { reopenCommand } from './definitions/reopen-command.ts';
import { resolveCommand } from './definitions/resolve-command.ts';
import { roleCommand } from './definitions/role-command.ts';
import { severityCommand } from './definitions/severity-command.ts';
import { snoozeCommand } from './definitions/snooze-command.ts';
import { startCommand } from './definitions/start-command.ts';
import { statsCommand } from './definitions/stats-command.ts';
import { statusCommand } from './definitions/status-command.ts';
import { timelineCommand } from './definitions/timeline-command.ts';
import { editDistance } from './text-tokens.ts';

/** The grammar, in the order help lists it. Features add their commands here. */
export const COMMANDS: readonly CommandDefinition[] = [
  startCommand,
  severityCommand,
  noteCommand,
  statusCommand,
  snoozeCommand,
  roleCommand,
  pageCommand,
  ackCommand,
  oncallCommand,
  actionCommand,
  resolveCommand,
  reopenCommand,
  postmortemCommand,
  timelineCommand,
  listCommand,
  statsCommand,
  helpCommand,
];

export function findCommand(
  commands: readonly CommandDefinition[],
  name: string,
): CommandDefinition | undefined {
  return commands.find((command) => command.name === name.toLowerCase());
}

/** The command someone most likely meant, when they typed something close to it. */
export function closestCommand(
  commands: readonly CommandDefinition[],
  typed: string,
): CommandDefinition | undefined {
  const word = typed.toLowerCase();
  const prefixed = commands.find((command) => command.name.startsWith(word) || word.startsWith(command.name));
  if (prefixed && word.length >= 2) return prefixed;
  let best: CommandDefinition | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const command of commands) {
    const distance = editDistance(word, command.name);
    if (distance < bestDistance) {
      best = command;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}
