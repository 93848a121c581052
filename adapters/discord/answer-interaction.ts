import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Reply } from '../../src/core/public-api.ts';
import { NO_MENTIONS } from './allowed-mentions.ts';
import { where } from './bot-permissions.ts';
import type { DiscordContext } from './discord-context.ts';
import { messageChannel } from './incident-channel.ts';
import { MissingPermissionError } from './missing-permission.ts';
import { postParts } from './post-parts.ts';
import { type MessagePart, renderReply } from './render-reply.ts';

/** How the interaction was acknowledged within Discord's 3 seconds. */
export type Acknowledgement = 'deferred-reply' | 'deferred-update';

/**
 * Renders the core's reply for an interaction that was already deferred. Ephemeral replies go to
 * the person (the deferred reply, then follow-ups); channel replies are posted in `target`, and
 * the "thinking…" placeholder is removed, unless there is something the person alone should read.
 * The core redacted the reply on its way out (IncidentCore.process), so it is rendered as it is.
 */
export async function answerInteraction(
  ctx: DiscordContext,
  interaction: RepliableInteraction,
  ack: Acknowledgement,
  reply: Reply | undefined,
  target: string,
  warnings: readonly string[] = [],
): Promise<void> {
  if (!reply) {
    // Already handled (the same interaction delivered twice): nothing more to say.
    if (ack === 'deferred-reply') await interaction.deleteReply();
    return;
  }
  if (reply.visibility === 'ephemeral') {
    await tellPerson(interaction, ack, renderReply({ ...reply, text: withNotes(reply.text, warnings) }));
    return;
  }
  try {
    await postParts(await messageChannel(ctx.client, target), renderReply(reply));
  } catch (error) {
    if (!(error instanceof MissingPermissionError)) throw error;
    const text = `That was recorded, but I could not post it in the channel. ${error.message}\n\n${reply.text}`;
    await tellPerson(interaction, ack, renderReply({ ...reply, visibility: 'ephemeral', text }));
    return;
  }
  const notes = interaction.channelId === target ? warnings : [`Posted in ${where(target)}.`, ...warnings];
  if (notes.length > 0)
    await tellPerson(interaction, ack, renderReply({ visibility: 'ephemeral', text: notes.join('\n') }));
  else if (ack === 'deferred-reply') await interaction.deleteReply();
}

/** Only the person who acted sees these. */
export async function tellPerson(
  interaction: RepliableInteraction,
  ack: Acknowledgement,
  parts: readonly MessagePart[],
): Promise<void> {
  for (const [index, part] of parts.entries()) {
    const payload = { content: part.content, files: part.files, allowedMentions: NO_MENTIONS };
    if (index === 0 && ack === 'deferred-reply') await interaction.editReply(payload);
    else await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

function withNotes(text: string, notes: readonly string[]): string {
  return notes.length > 0 ? `${text}\n\n${notes.join('\n')}` : text;
}
