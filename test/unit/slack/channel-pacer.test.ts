import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../../adapters/slack/channel-pacer.ts';

function pacer() {
  let now = 0;
  const instance = new ChannelPacer({ intervalMs: 1000, burst: 3, now: () => now });
  return { instance, advance: (ms: number) => (now += ms) };
}

describe('pacing posts per channel', () => {
  it('lets a short burst through, then spaces messages a second apart', () => {
    const { instance } = pacer();
    const waits = Array.from({ length: 6 }, () => instance.reserve('C1'));
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 3000]);
  });

  it('paces each channel on its own', () => {
    const { instance } = pacer();
    for (let i = 0; i < 3; i++) instance.reserve('C1');
    expect(instance.reserve('C2')).toBe(0);
    expect(instance.reserve('C1')).toBe(1000);
  });

  it('refills while a channel is quiet', () => {
    const { instance, advance } = pacer();
    for (let i = 0; i < 3; i++) instance.reserve('C1');
    advance(2000);
    expect([instance.reserve('C1'), instance.reserve('C1'), instance.reserve('C1')]).toEqual([0, 0, 1000]);
  });
});
