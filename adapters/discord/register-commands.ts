import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';

export interface RegistrationTarget {
  applicationId: string;
  /** Registers in this guild (visible at once); without it, globally. */
  guildId?: string;
}

/**
 * One bulk overwrite (PUT): running it again with the same body changes nothing, and a command
 * removed from the registry disappears from Discord too.
 */
export async function registerCommands(
  rest: REST,
  target: RegistrationTarget,
  body: RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<void> {
  const route =
    target.guildId === undefined
      ? Routes.applicationCommands(target.applicationId)
      : Routes.applicationGuildCommands(target.applicationId, target.guildId);
  await rest.put(route, { body });
}
