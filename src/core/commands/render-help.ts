import { closestCommand } from './closest-command.ts';
import type { CommandDefinition } from './command-definition.ts';

/** Help is generated from the registry, so it can never disagree with the parser. */
export function renderHelp(
  commands: readonly CommandDefinition[],
  name: string | undefined,
): { title: string; lines: string[] } {
  if (!name) {
    return {
      title: 'Incident commands',
      lines: commands.map((command) => `${command.usage}  —  ${command.summary}`),
    };
  }
  const command = commands.find((candidate) => candidate.name === name) ?? closestCommand(commands, name);
  if (!command) return renderHelp(commands, undefined);
  return {
    title: `${command.usage}  —  ${command.summary}`,
    lines: [
      ...command.options.map(
        (option) =>
          `${option.name}${option.required ? '' : ' (optional)'}: ${option.description}` +
          `${option.choices ? ` [${option.choices.join('|')}]` : ''}`,
      ),
      ...command.examples.map((example) => `e.g. ${example}`),
    ],
  };
}
