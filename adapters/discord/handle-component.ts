import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { InboundContext, InboundEvent } from '../../src/core/public-api.ts';
import { ephemeral } from '../../src/core/public-api.ts';
import { answerInteraction } from './answer-interaction.ts';
import type { ComponentAction } from './custom-ids.ts';
import { actorOf, rolesOf } from './discord-actor.ts';
import { DISCORD_PLATFORM, type DiscordContext } from './discord-context.ts';

/**
 * A click on the summary's controls or on a page's buttons. The click is acknowledged at once
 * (deferUpdate: the message stays as it is until the summary refresh edits it), then runs as
 * the same command typed by the person who clicked.
 */
export async function handleComponent(
  ctx: DiscordContext,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  action: ComponentAction,
): Promise<void> {
  const started = performance.now();
  await interaction.deferUpdate();
  ctx.app.metrics?.observeAckLatency(DISCORD_PLATFORM, (performance.now() - started) / 1000);
  const workspace = action.kind === 'run' ? action.guildId : interaction.guildId;
  const channel = action.kind === 'run' ? action.channelId : interaction.channelId;
  if (!workspace || !channel) {
    await answerInteraction(
      ctx,
      interaction,
      'deferred-update',
      ephemeral('This button works only in a server.'),
      interaction.channelId ?? '',
    );
    return;
  }
  const context: InboundContext = {
    platform: DISCORD_PLATFORM,
    workspace,
    channel,
    actor: actorOf(interaction.user, interaction.member),
    groups: rolesOf(interaction.member),
    eventId: interaction.id,
  };
  const reply = await ctx.inbound.command(toEvent(action, interaction, context));
  await answerInteraction(ctx, interaction, 'deferred-update', reply, channel);
}

function toEvent(
  action: ComponentAction,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  context: InboundContext,
): InboundEvent {
  switch (action.kind) {
    case 'run':
      return { kind: 'command', text: action.command, context };
    case 'severity': {
      const severity = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '';
      return { kind: 'command-options', name: 'sev', options: { severity }, context };
    }
    case 'ack':
    case 'resolve':
    case 'reopen':
      return { kind: 'command-options', name: action.kind, options: {}, context };
  }
}
