import { DISCORD_LIMITS } from './discord-limits.ts';

/**
 * Component ids carry everything a click needs, so any process (any shard) can handle it with
 * nothing kept in memory: the summary's controls act on the channel they are in, and a `run`
 * button names the incident's guild and channel, since it may be pressed in a DM.
 */
export type ComponentAction =
  | { kind: 'ack' }
  | { kind: 'resolve' }
  | { kind: 'reopen' }
  | { kind: 'severity' }
  | { kind: 'run'; guildId: string; channelId: string; command: string };

const PREFIX = 'tocsin';

export const SUMMARY_IDS = {
  ack: `${PREFIX}:ack`,
  resolve: `${PREFIX}:resolve`,
  reopen: `${PREFIX}:reopen`,
  severity: `${PREFIX}:sev`,
} as const;

export function runButtonId(guildId: string, channelId: string, command: string): string {
  const id = `${PREFIX}:run:${guildId}:${channelId}:${command}`;
  if (id.length > DISCORD_LIMITS.customId) {
    throw new RangeError(`the command "${command}" is too long for a Discord button`);
  }
  return id;
}

/** Undefined for ids this bot did not make (or an older, unknown shape). */
export function parseCustomId(customId: string): ComponentAction | undefined {
  switch (customId) {
    case SUMMARY_IDS.ack:
      return { kind: 'ack' };
    case SUMMARY_IDS.resolve:
      return { kind: 'resolve' };
    case SUMMARY_IDS.reopen:
      return { kind: 'reopen' };
    case SUMMARY_IDS.severity:
      return { kind: 'severity' };
  }
  const run = /^tocsin:run:(\d+):(\d+):(.+)$/s.exec(customId);
  if (!run) return undefined;
  return { kind: 'run', guildId: run[1] as string, channelId: run[2] as string, command: run[3] as string };
}

/** True for a message that carries the summary's controls: how the summary is found again. */
export function isSummaryComponentId(customId: string): boolean {
  return customId === SUMMARY_IDS.ack || customId === SUMMARY_IDS.reopen;
}
