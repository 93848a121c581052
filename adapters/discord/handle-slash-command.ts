import { ApplicationCommandOptionType, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { RawOptions } from '../../src/core/public-api.ts';
import { ephemeral, findCommand } from '../../src/core/public-api.ts';
import { answerInteraction } from './answer-interaction.ts';
import { actorOf, rolesOf, userMention } from './discord-actor.ts';
import { DISCORD_PLATFORM, type DiscordContext } from './discord-context.ts';
import { incidentChannelOf } from './incident-channel.ts';
import { checkPreconditions } from './preconditions.ts';

/**
 * `/incident <subcommand>`: acknowledged at once (an ephemeral "thinking…", well inside Discord's
 * 3 seconds), checked for the permissions it needs, handed to the core, and answered within the
 * 15-minute follow-up window.
 */
export async function handleSlashCommand(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const started = performance.now();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  ctx.app.metrics?.observeAckLatency(DISCORD_PLATFORM, (performance.now() - started) / 1000);
  const guildId = interaction.guildId;
  if (!guildId) {
    await answerInteraction(
      ctx,
      interaction,
      'deferred-reply',
      ephemeral('Incident commands work in a server channel.'),
      interaction.channelId,
    );
    return;
  }
  const name = interaction.options.getSubcommand();
  const command = findCommand(ctx.app.services.commands, name);
  const precondition = await checkPreconditions(ctx, interaction, command);
  if (precondition.refuse) {
    await answerInteraction(
      ctx,
      interaction,
      'deferred-reply',
      ephemeral(precondition.refuse),
      interaction.channelId,
    );
    return;
  }
  const place = await incidentChannelOf(
    ctx.app.services.store,
    guildId,
    interaction.channel,
    interaction.channelId,
  );
  const reply = await ctx.inbound.command({
    kind: 'command-options',
    name,
    options: await readOptions(interaction),
    context: {
      platform: DISCORD_PLATFORM,
      workspace: guildId,
      channel: place.channel,
      actor: actorOf(interaction.user, interaction.member),
      groups: rolesOf(interaction.member),
      eventId: interaction.id,
    },
  });
  // Confirmations go where the command was typed (the incident channel, or a thread inside it).
  await answerInteraction(
    ctx,
    interaction,
    'deferred-reply',
    reply,
    interaction.channelId,
    precondition.warnings,
  );
}

/**
 * Option values as the core's grammar takes them. A user option arrives as an id and becomes a
 * mention; a mention typed into a text option (`page target:@sam`) gets the person's name too.
 */
export async function readOptions(interaction: ChatInputCommandInteraction): Promise<RawOptions> {
  const options: RawOptions = {};
  const subcommand = interaction.options.data.find(
    (option) => option.type === ApplicationCommandOptionType.Subcommand,
  );
  for (const option of subcommand?.options ?? []) {
    if (option.type === ApplicationCommandOptionType.User && option.user) {
      options[option.name] = userMention(option.user, option.member);
    } else if (typeof option.value === 'string') {
      options[option.name] = await namedMention(interaction, option.value);
    } else if (option.value !== undefined) {
      options[option.name] = String(option.value);
    }
  }
  return options;
}

async function namedMention(interaction: ChatInputCommandInteraction, value: string): Promise<string> {
  const id = /^\s*<@!?(\d+)>\s*$/.exec(value)?.[1];
  if (!id || !interaction.guild) return value;
  const member = await interaction.guild.members.fetch(id).catch(() => undefined);
  return member ? userMention(member.user, member) : value;
}
