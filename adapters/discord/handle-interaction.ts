import { type Interaction, MessageFlags } from 'discord.js';
import { NO_MENTIONS } from './allowed-mentions.ts';
import { ROOT_COMMAND } from './build-slash-commands.ts';
import { parseCustomId } from './custom-ids.ts';
import type { DiscordContext } from './discord-context.ts';
import { handleComponent } from './handle-component.ts';
import { handleSlashCommand } from './handle-slash-command.ts';

const FAILED =
  'Something went wrong while answering that (Discord did not accept a request). Whatever was recorded ' +
  'stays recorded; check /incident timeline before trying again.';

/** Every interaction this bot answers; anything else (another app's, an old shape) is left alone. */
export async function handleInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === ROOT_COMMAND) await handleSlashCommand(ctx, interaction);
      return;
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const action = parseCustomId(interaction.customId);
      if (action) await handleComponent(ctx, interaction, action);
    }
  } catch (error) {
    ctx.logger.error({ err: error, interaction: interaction.id }, 'could not answer an interaction');
    // Never leave someone looking at "thinking…" until the token runs out.
    if (interaction.isRepliable() && (interaction.deferred || interaction.replied)) {
      await interaction
        .followUp({ content: FAILED, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
        .catch(() => undefined);
    }
  }
}
