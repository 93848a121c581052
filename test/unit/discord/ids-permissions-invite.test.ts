import { OverwriteType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseCustomId, runButtonId, SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import { inviteUrl } from '../../../adapters/discord/invite-url.ts';
import { explainMissing } from '../../../adapters/discord/missing-permission.ts';
import { checkOverwriteConfig, toOverwrites } from '../../../adapters/discord/permission-overwrites.ts';
import { DEFAULT_DISCORD_API_URL } from '../../../src/config/read-env.ts';

describe('component ids carry all a click needs', () => {
  it('round-trips a run button with its guild, channel and command', () => {
    const id = runButtonId('123456789012345678', '223456789012345678', 'snooze 1h');
    expect(parseCustomId(id)).toEqual({
      kind: 'run',
      guildId: '123456789012345678',
      channelId: '223456789012345678',
      command: 'snooze 1h',
    });
  });

  it('reads the summary controls and ignores ids it did not make', () => {
    expect(parseCustomId(SUMMARY_IDS.ack)).toEqual({ kind: 'ack' });
    expect(parseCustomId(SUMMARY_IDS.severity)).toEqual({ kind: 'severity' });
    expect(parseCustomId('someone-else:button')).toBeUndefined();
  });

  it('refuses a command too long for Discord’s 100-character custom_id', () => {
    expect(() => runButtonId('1'.repeat(19), '2'.repeat(19), 'x'.repeat(80))).toThrow(RangeError);
  });
});

describe('permission overwrites from config', () => {
  it('accepts Discord flag names in either spelling and @everyone', () => {
    const [everyone, oncall] = toOverwrites(
      [
        { id: '@everyone', type: 'role', allow: [], deny: ['VIEW_CHANNEL'] },
        { id: '42', type: 'role', allow: ['ViewChannel', 'send_tts_messages'], deny: [] },
      ],
      '999',
    );
    expect(everyone).toEqual({
      id: '999',
      type: OverwriteType.Role,
      allow: [],
      deny: [PermissionFlagsBits.ViewChannel],
    });
    expect(oncall?.allow).toEqual([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendTTSMessages]);
  });

  it('names unknown permissions at startup', () => {
    expect(() => checkOverwriteConfig([{ id: '1', type: 'member', allow: ['FlyPlanes'], deny: [] }])).toThrow(
      /FlyPlanes/,
    );
  });
});

describe('telling people what is missing', () => {
  it('names each missing permission the way server settings do', () => {
    expect(explainMissing(['ManageChannels'], 'this server')).toContain(
      '**Manage Channels** permission in this server',
    );
    expect(explainMissing(['SendMessagesInThreads', 'ReadMessageHistory'], '<#1>')).toContain(
      '**Send Messages in Threads** and **Read Message History** permissions in <#1>',
    );
  });
});

describe('the invite URL', () => {
  it('asks for the bot and applications.commands scopes and exactly the permissions the bot uses', () => {
    const url = new URL(inviteUrl(DEFAULT_DISCORD_API_URL, '1234'));
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(url.origin).toBe(new URL(DEFAULT_DISCORD_API_URL).origin);
    expect(url.searchParams.get('client_id')).toBe('1234');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const bits = BigInt(url.searchParams.get('permissions') ?? '0');
    for (const flag of [
      'ManageChannels',
      'SendMessages',
      'ReadMessageHistory',
      'ManageMessages',
      'AttachFiles',
    ] as const) {
      expect(bits & PermissionFlagsBits[flag]).toBe(PermissionFlagsBits[flag]);
    }
    expect(bits & PermissionFlagsBits.Administrator).toBe(0n);
  });
});
