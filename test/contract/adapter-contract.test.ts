import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../src/core/model/events.ts';
import type { AdapterDriver } from './adapter-driver.ts';
import { startConsoleDriver } from './console-driver.ts';
import { startDiscordDriver } from './discord-driver.ts';
import { startSlackDriver } from './slack-driver.ts';

/**
 * The adapter contract: the same scenarios, written once, that Slack, Discord and the console
 * pass alike. Each asserts what people see (the bot's answer) and what the incident's log holds.
 */
const DRIVERS = [
  { platform: 'slack', start: startSlackDriver },
  { platform: 'discord', start: startDiscordDriver },
  { platform: 'console', start: startConsoleDriver },
];

/** The log's events after the declaration and its channel, in order, by type. */
async function typesAfterDeclaring(driver: AdapterDriver): Promise<string[]> {
  const types = (await driver.events()).map((event) => event.type);
  expect(types.slice(0, 2)).toEqual(['declared', 'channel_linked']);
  return types.slice(2);
}

function ofType<T extends StoredEvent['type']>(events: StoredEvent[], type: T) {
  return events.filter((event) => event.type === type) as Extract<StoredEvent, { type: T }>[];
}

/** A wall-clock minute ten minutes ago, as `HH:MM UTC`, and the instant it stands for. */
function tenMinutesAgo(): { text: string; at: string } {
  const at = new Date(Date.now() - 10 * 60_000);
  at.setUTCSeconds(0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { text: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`, at: at.toISOString() };
}

describe.each(DRIVERS)('the $platform adapter', ({ start }) => {
  let driver: AdapterDriver;
  beforeEach(async () => {
    driver = await start();
  }, 30_000);
  afterEach(async () => {
    await driver?.close();
  });

  const declare = () => driver.command('start', { severity: 'sev2', title: 'checkout errors' });

  it('answers a declaration with the incident, and opens its channel', async () => {
    const seen = await declare();
    expect(seen[0]).toMatch(/^INC-1 declared: SEV2 checkout errors\. Commander: /);
    expect((await driver.events()).map((event) => event.type)).toEqual(['declared', 'channel_linked']);
  });

  it('confirms a note in the channel and adds it to the log', async () => {
    await declare();
    const seen = await driver.command('note', { text: 'rolled back deploy 4411' });
    expect(seen[0]).toBe('Noted: rolled back deploy 4411');
    expect(await typesAfterDeclaring(driver)).toEqual(['note_added']);
  });

  it('records a backdated note at the time it names', async () => {
    await declare();
    const { text, at } = tenMinutesAgo();
    const seen = await driver.command('note', { text: `${text} first alert fired` });
    expect(seen[0]).toMatch(/^Noted at .+: first alert fired$/);
    expect(ofType(await driver.events(), 'note_added')).toEqual([
      expect.objectContaining({ text: 'first alert fired', occurredAt: at }),
    ]);
  });

  it('captures a message, its edit and its deletion, in that order', async () => {
    await declare();
    const said = await driver.say('db-2 looks fine');
    await driver.edit(said, 'db-2 is NOT fine');
    await driver.remove(said);
    const events = await driver.events();
    expect(events.slice(2).map((event) => [event.type, 'text' in event ? event.text : undefined])).toEqual([
      ['message_captured', 'db-2 looks fine'],
      ['message_edited', 'db-2 is NOT fine'],
      ['message_deleted', undefined],
    ]);
  });

  it('puts a 📌 message on the timeline', async () => {
    await declare();
    const said = await driver.say('cause: the connection pool is exhausted', 'bob');
    await driver.pin(said, 'alice');
    expect(await typesAfterDeclaring(driver)).toEqual(['message_captured', 'message_promoted']);
    const timeline = (await driver.command('timeline')).join('\n');
    expect(timeline).toContain('cause: the connection pool is exhausted');
  });

  it('pages a person and says so in the channel', async () => {
    await declare();
    const seen = await driver.command('page', { target: driver.mention('bob'), message: 'need a DBA' });
    expect(seen[0]).toMatch(/^Paging .+: need a DBA$/);
    expect(await typesAfterDeclaring(driver)).toEqual(['paged']);
  });

  it('acknowledges the outstanding page for the person paged', async () => {
    await declare();
    await driver.command('page', { target: driver.mention('bob') });
    const seen = await driver.command('ack', {}, 'bob');
    expect(seen[0]).toMatch(/ acknowledged the page\.$/);
    expect(await typesAfterDeclaring(driver)).toEqual(['paged', 'acknowledged']);
  });

  it('resolves with the summary given', async () => {
    await declare();
    const seen = await driver.command('resolve', { summary: 'pool size raised' });
    expect(seen[0]).toMatch(/^INC-1 resolved after .+\. pool size raised Draft the postmortem/);
    expect(ofType(await driver.events(), 'resolved')).toEqual([
      expect.objectContaining({ summary: 'pool size raised' }),
    ]);
  });

  it('writes the postmortem draft and says where', async () => {
    await declare();
    await driver.command('resolve');
    const seen = await driver.command('postmortem');
    expect(seen[0]).toMatch(/^Postmortem draft for INC-1 \(report\) written to \S+\.md\./);
    expect(await typesAfterDeclaring(driver)).toEqual(['resolved', 'postmortem_generated']);
  });

  it('redacts a reply once on its way out, not again in the adapter', async () => {
    await declare();
    const redact = vi.spyOn(driver.redactor, 'redact');
    await driver.command('note', { text: 'rotated key 7f3a' });
    expect(redact.mock.calls.filter(([text]) => text.includes('rotated key 7f3a'))).toHaveLength(1);
  });
});
