import type { SeverityAliases } from '../model/severity-words.ts';
import { closestCommand } from './closest-command.ts';
import type { CommandDefinition, OptionSpec } from './command-definition.ts';

/** Help is generated from the registry, so it can never disagree with the parser. */
export function renderHelp(
  commands: readonly CommandDefinition[],
  name: string | undefined,
  severityAliases: SeverityAliases = {},
): { title: string; lines: string[] } {
  if (!name) {
    return {
      title: 'Incident commands',
      lines: commands.map((command) => `${command.usage}  —  ${command.summary}`),
    };
  }
  const command = commands.find((candidate) => candidate.name === name) ?? closestCommand(commands, name);
  if (!command) return renderHelp(commands, undefined, severityAliases);
  return {
    title: `${command.usage}  —  ${command.summary}`,
    lines: [
      ...command.options.map(
        (option) =>
          `${option.name}${option.required ? '' : ' (optional)'}: ${option.description}` +
          `${option.choices ? ` [${option.choices.join('|')}]` : ''}${aliasesOf(option, severityAliases)}`,
      ),
      ...command.examples.map((example) => `e.g. ${example}`),
    ],
  };
}

/** The choices are the canonical severities (Discord lists them); the configured aliases work too. */
function aliasesOf(option: OptionSpec, aliases: SeverityAliases): string {
  const words = Object.entries(aliases);
  if (option.name !== 'severity' || words.length === 0) return '';
  return `; also ${words.map(([word, severity]) => `${word} (${severity})`).join(', ')}`;
}
