import type { CommandDefinition } from './command-definition.ts';
import { editDistance } from './text-tokens.ts';

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
