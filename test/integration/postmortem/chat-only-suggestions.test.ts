import { afterAll, describe, expect, it } from 'vitest';
import { draftOf, seedLines } from '../../fixtures/seeds/replay-seed.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

/*
 * An adopted or imported incident has no `/incident note` lines: its draft's timeline is what the
 * suggester proposes from chat. Each seed is replayed as chat only (every note and status update
 * said as a plain message, a backdated one with its time first, as people write "15:23 upgrade
 * started"), and each of its key events (the notes and status updates of the original) is looked
 * for among the draft's rows at its minute. The figure is printed; the goal (#18) is 80%.
 */

const SEEDS = [
  { file: 'seed-000-upgrade-reboot.chat', timeZone: 'UTC' },
  { file: 'seed-002-port-conflict.chat', timeZone: 'UTC' },
  { file: 'seed-004-deployment.chat', timeZone: 'Europe/Berlin' },
];
/** Commands that stay: the incident has to exist and end; everything else becomes chat or goes. */
const KEPT = /^\/(clock|as|join)\b|^\/incident (start|resolve)\b/;

interface KeyEvent {
  time: string;
  text: string;
}

function chatOnly(lines: readonly string[]): { lines: string[]; events: KeyEvent[] } {
  const out: string[] = [];
  const events: KeyEvent[] = [];
  let clock = '';
  for (const line of lines) {
    const setClock = /^\/clock \d{4}-\d{2}-\d{2} (\d{2}:\d{2})/.exec(line);
    if (setClock) clock = setClock[1] as string;
    const note = /^\/incident note (?:(\d{1,2}:\d{2}) )?(.+)$/.exec(line);
    const status = /^\/incident status \S+ (.+)$/.exec(line);
    if (note) {
      const [, time, text] = note as unknown as [string, string | undefined, string];
      events.push({ time: time ?? clock, text });
      out.push(time ? `${time} ${text}` : text);
    } else if (status) {
      events.push({ time: clock, text: status[1] as string });
      out.push(status[1] as string);
    } else if (KEPT.test(line) || !line.startsWith('/')) {
      out.push(line);
    }
  }
  return { lines: out, events };
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function suggestedAt(draft: string, event: KeyEvent): boolean {
  const wanted = words(event.text).slice(0, 24);
  return draft
    .split('\n')
    .some((line) => line.includes('_Suggested') && line.includes(event.time) && words(line).includes(wanted));
}

const sessions: ConsoleSession[] = [];
afterAll(async () => {
  for (const session of sessions) await session.dispose();
});

describe('suggestions from chat alone, for adopted and imported incidents', () => {
  it('puts most key events of the seed write-ups on the suggested timeline, at their minute', async () => {
    let found = 0;
    let total = 0;
    const missed: string[] = [];
    for (const seed of SEEDS) {
      const session = createConsoleSession({ config: testConfig({ timezone: seed.timeZone }) });
      sessions.push(session);
      const replay = chatOnly(seedLines(seed.file));
      await session.type(...replay.lines);
      const { draft } = await draftOf(session, 'report');
      for (const event of replay.events) {
        total += 1;
        if (suggestedAt(draft, event)) found += 1;
        else missed.push(`${seed.file} ${event.time} ${event.text}`);
      }
    }
    const share = Math.round((found / total) * 100);
    process.stdout.write(
      `chat-only suggestions: ${found}/${total} key events (${share}%, goal 80%)\nmissed:\n${missed.join('\n')}\n`,
    );
    expect(total).toBeGreaterThan(15);
    // The floor measured when this test was written; the goal is 80% (#18 item 4).
    expect(share).toBeGreaterThanOrEqual(FLOOR_PERCENT);
  }, 60_000);
});

const FLOOR_PERCENT = 80;
