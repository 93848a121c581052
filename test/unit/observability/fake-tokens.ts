import { Buffer } from 'node:buffer';

/**
 * Credentials in the real shapes of Slack, Discord, PagerDuty and Opsgenie, assembled at runtime
 * from pieces so that no token literal sits in the source for secret scanners to flag.
 */
function filler(length: number, seed: number, alphabet: string): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet.charAt((state >>> 8) % alphabet.length);
  }
  return out;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}-_`;

export interface FakeTokens {
  slackBot: string;
  slackApp: string;
  slackSigningSecret: string;
  discordBot: string;
  pagerdutyRoutingKey: string;
  pagerdutyApiKey: string;
  opsgenieKey: string;
}

export function fakeTokens(seed = 1): FakeTokens {
  return {
    slackBot: [
      'xox',
      'b-',
      filler(12, seed, '0123456789'),
      '-',
      filler(13, seed + 1, '0123456789'),
      '-',
      filler(24, seed + 2, ALNUM),
    ].join(''),
    slackApp: [
      'xa',
      'pp-1-',
      'A0',
      filler(9, seed + 3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      '-',
      filler(13, seed + 4, '0123456789'),
      '-',
      filler(64, seed + 5, HEX),
    ].join(''),
    slackSigningSecret: filler(32, seed + 6, HEX),
    discordBot: [
      Buffer.from(`10${filler(17, seed + 7, '0123456789')}`).toString('base64url'),
      filler(6, seed + 8, B64URL),
      filler(38, seed + 9, B64URL),
    ].join('.'),
    pagerdutyRoutingKey: filler(32, seed + 10, HEX),
    pagerdutyApiKey: `u+${filler(18, seed + 11, ALNUM)}`,
    opsgenieKey: [
      filler(8, seed + 12, HEX),
      filler(4, seed + 13, HEX),
      filler(4, seed + 14, HEX),
      filler(4, seed + 15, HEX),
      filler(12, seed + 16, HEX),
    ].join('-'),
  };
}

export function allTokens(tokens: FakeTokens): string[] {
  return Object.values(tokens);
}
