import type { Message } from 'discord.js';
import { NO_MENTIONS } from './allowed-mentions.ts';
import { missingInChannel, sendPermission, where } from './bot-permissions.ts';
import type { MessageChannel } from './incident-channel.ts';
import { needing, type PermissionName } from './missing-permission.ts';
import type { MessagePart } from './render-reply.ts';

/** Posts rendered parts in order; a missing permission becomes a MissingPermissionError naming it. */
export async function postParts(channel: MessageChannel, parts: readonly MessagePart[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const part of parts) {
    const required: PermissionName[] = ['ViewChannel', sendPermission(channel)];
    if (part.files.length > 0) required.push('AttachFiles');
    sent.push(
      await needing<Message>(
        required,
        where(channel.id),
        () => channel.send({ content: part.content, files: part.files, allowedMentions: NO_MENTIONS }),
        (needed) => missingInChannel(channel, needed),
      ),
    );
  }
  return sent;
}
