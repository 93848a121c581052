import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, OptionSpec } from '../../src/core/public-api.ts';
import { SystemError } from '../../src/core/public-api.ts';
import { DISCORD_LIMITS as L } from './discord-limits.ts';
import { truncate } from './split-text.ts';

export const ROOT_COMMAND = 'incident';

/** Choices known only at runtime, by subcommand and option: `{ postmortem: { template: [...] } }`. */
export type DynamicChoices = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * `/incident` with one subcommand per command of the core's registry, and typed options from
 * each definition: nothing here is written by hand, so Discord can never disagree with the
 * grammar. Discord wants required options before optional ones, so they are sorted that way.
 */
export function buildSlashCommands(
  commands: readonly CommandDefinition[],
  dynamicChoices: DynamicChoices = {},
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  if (commands.length > L.commandOptions) {
    throw new SystemError(
      'discord_too_many_subcommands',
      `Discord allows ${L.commandOptions} subcommands; the registry has ${commands.length}`,
    );
  }
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: ROOT_COMMAND,
      description: 'Declare and run incidents',
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      options: commands.map((command) => subcommand(command, dynamicChoices[command.name] ?? {})),
    },
  ];
}

function subcommand(
  command: CommandDefinition,
  choices: Readonly<Record<string, readonly string[]>>,
): APIApplicationCommandSubcommandOption {
  checkName(command.name, `command ${command.name}`);
  const options = [...command.options]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((option) => basicOption(command.name, option, choices[option.name]));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: truncate(command.summary, L.commandDescription),
    ...(options.length > 0 ? { options } : {}),
  };
}

function basicOption(
  command: string,
  option: OptionSpec,
  runtimeChoices: readonly string[] | undefined,
): APIApplicationCommandBasicOption {
  checkName(option.name, `option ${option.name} of ${command}`);
  const base = {
    name: option.name,
    description: truncate(option.description, L.commandDescription),
    required: option.required,
  };
  if (option.type === 'user') return { ...base, type: ApplicationCommandOptionType.User };
  if (option.type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean };
  const choices = option.choices ?? runtimeChoices;
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...(choices && choices.length > 0 && choices.length <= L.optionChoices
      ? { choices: choices.map((value) => ({ name: truncate(value, L.choiceName), value })) }
      : {}),
    ...(option.maxLength === undefined ? {} : { max_length: Math.min(option.maxLength, 6000) }),
  };
}

function checkName(name: string, what: string): void {
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    throw new SystemError(
      'discord_invalid_command_name',
      `${what}: "${name}" is not a valid Discord command name (lower case, 1-32 letters, digits, - or _)`,
    );
  }
}
