import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { fitEmbeds, textLength } from '../../../adapters/discord/fit-embeds.ts';

const total = (embeds: APIEmbed[]) => embeds.reduce((sum, embed) => sum + textLength(embed), 0);

describe('embeds are clamped to Discord limits instead of being rejected', () => {
  it('cuts a title to 256 and a description to 4096 characters', () => {
    const [embed] = fitEmbeds([{ title: 't'.repeat(400), description: 'd'.repeat(5000) }]);
    expect(embed?.title).toHaveLength(256);
    expect(embed?.description).toHaveLength(4096);
    expect(embed?.title?.endsWith('…')).toBe(true);
  });

  it('keeps at most 25 fields of at most 1024 characters, and says how many were left out', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `field ${i}`, value: 'v'.repeat(2000) }));
    const [embed] = fitEmbeds([{ title: 'many', fields }]);
    expect(embed?.fields?.length).toBeLessThanOrEqual(25);
    for (const field of embed?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(embed?.fields?.at(-1)?.value).toMatch(/^\d+ more not shown/);
  });

  it('keeps all embeds of a message within 6000 characters together', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1000) }));
    const fitted = fitEmbeds([
      { title: 'a', description: 'd'.repeat(3000), fields },
      { title: 'b', description: 'e'.repeat(3000) },
    ]);
    expect(total(fitted)).toBeLessThanOrEqual(6000);
    expect(fitted[0]?.description).toHaveLength(3000);
  });

  it('sends at most 10 embeds', () => {
    expect(fitEmbeds(Array.from({ length: 12 }, (_, i) => ({ title: `e${i}` })))).toHaveLength(10);
  });

  it('fills empty field names and values, which Discord requires', () => {
    const [embed] = fitEmbeds([{ fields: [{ name: '', value: '' }] }]);
    expect(embed?.fields?.[0]?.name.length).toBeGreaterThan(0);
    expect(embed?.fields?.[0]?.value.length).toBeGreaterThan(0);
  });
});
