import { type Client, type Guild, type OverwriteData, OverwriteType, PermissionFlagsBits } from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';

const MEMBER_ALLOW = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
];

/**
 * A private incident's channel: hidden from @everyone, open to the declarer and the configured
 * responders (roles or people). The bot keeps itself in through its own overwrite.
 */
export function privateOverwrites(
  guild: Guild,
  incident: IncidentState,
  responders: readonly string[],
): OverwriteData[] {
  const people = new Set<string>(/^\d+$/.test(incident.declaredBy.id) ? [incident.declaredBy.id] : []);
  const overwrites: OverwriteData[] = [
    { id: guild.id, type: OverwriteType.Role, deny: [PermissionFlagsBits.ViewChannel] },
  ];
  for (const id of responders) {
    if (guild.roles.cache.has(id)) overwrites.push({ id, type: OverwriteType.Role, allow: MEMBER_ALLOW });
    else people.add(id);
  }
  for (const id of people) overwrites.push({ id, type: OverwriteType.Member, allow: MEMBER_ALLOW });
  return overwrites;
}

/** Whether the person can see the incident's channel (or is in its thread): who sees a private incident. */
export async function canSeeIncident(
  client: Client,
  incident: IncidentState,
  userId: string,
): Promise<boolean> {
  if (!incident.channel) return false;
  const channel = await client.channels.fetch(incident.channel.id);
  if (!channel || channel.isDMBased()) return false;
  if (channel.isThread()) {
    const member = await channel.members.fetch({ member: userId }).catch(() => undefined);
    return member !== undefined;
  }
  const member = await channel.guild.members.fetch(userId).catch(() => undefined);
  return member ? channel.permissionsFor(member).has(PermissionFlagsBits.ViewChannel) : false;
}
