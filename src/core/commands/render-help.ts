import type { SeverityAliases } from '../model/severity-words.ts';
import { describeRule, OPEN_POLICY, type PermissionSettings } from '../policy/permission-policy.ts';
import { closestCommand } from './closest-command.ts';
import type { CommandDefinition, OptionSpec } from './command-definition.ts';

/** `anyone`, or who the command's rule lets in: help says who may run what, from the same policy the core checks. */
function whoMay(command: CommandDefinition, policy: PermissionSettings): string | undefined {
  if (!command.permission) return undefined;
  const who = describeRule(policy.rules[command.permission]);
  return who === 'anyone' ? undefined : who;
}

/** Help is generated from the registry, so it can never disagree with the parser. */
export function renderHelp(
  commands: readonly CommandDefinition[],
  name: string | undefined,
  {
    policy = OPEN_POLICY,
    severityAliases = {},
  }: { policy?: PermissionSettings; severityAliases?: SeverityAliases } = {},
): { title: string; lines: string[] } {
  if (!name) {
    return {
      title: 'Incident commands',
      lines: commands.map((command) => {
        const who = whoMay(command, policy);
        return `${command.usage}  —  ${command.summary}${who ? ` (${who} only)` : ''}`;
      }),
    };
  }
  const command = commands.find((candidate) => candidate.name === name) ?? closestCommand(commands, name);
  if (!command) return renderHelp(commands, undefined, { policy, severityAliases });
  const who = whoMay(command, policy);
  return {
    title: `${command.usage}  —  ${command.summary}`,
    lines: [
      ...command.options.map(
        (option) =>
          `${option.name}${option.required ? '' : ' (optional)'}: ${option.description}` +
          `${option.choices ? ` [${option.choices.join('|')}]` : ''}${aliasesOf(option, severityAliases)}`,
      ),
      ...command.examples.map((example) => `e.g. ${example}`),
      ...(who && command.permission ? [`Who may run it: ${who} (permissions.${command.permission}).`] : []),
    ],
  };
}

/** The choices are the canonical severities (Discord lists them); the configured aliases work too. */
function aliasesOf(option: OptionSpec, aliases: SeverityAliases): string {
  const words = Object.entries(aliases);
  if (option.name !== 'severity' || words.length === 0) return '';
  return `; also ${words.map(([word, severity]) => `${word} (${severity})`).join(', ')}`;
}
