import type { CommandDefinition } from './command-definition.ts';
import { ackCommand } from './definitions/ack-command.ts';
import { actionCommand } from './definitions/action-command.ts';
import { adoptCommand } from './definitions/adopt-command.ts';
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
import { webCommand } from './definitions/web-command.ts';

/** The grammar, in the order help lists it. Features add their commands here. */
export const COMMANDS: readonly CommandDefinition[] = [
  startCommand,
  adoptCommand,
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
  webCommand,
  helpCommand,
];

/** Lookups by name live apart from the list, so commands (help) can use them without a cycle. */
export { closestCommand, findCommand } from './closest-command.ts';
