import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession } from '../support/test-app.ts';

const INC_1 = { platform: 'console', workspace: 'local', number: 1 };
let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

async function declaredAt(clock: string): Promise<void> {
  session = createConsoleSession();
  await session.type(`/clock ${clock}`, '/as alice', '/incident start sev2 checkout errors');
}

async function notes(): Promise<string[]> {
  const events = await session.app.store.read(INC_1);
  return events.flatMap((event) => (event.type === 'note_added' ? [event.text] : []));
}

describe('how far back a note may be dated', () => {
  it('refuses 1900-01-01 00:00, says the limit and shows the usage', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    const out = await session.type('/incident note 1900-01-01 00:00 the first deploy');
    expect(out).toContain('(only visible to you)');
    expect(out).toContain('1900-01-01 00:00 UTC is more than 7 days before the incident started');
    expect(out).toContain('Usage: /incident note [HH:MM[ TZ] | YYYY-MM-DD HH:MM[ TZ]] <text>');
  });

  it('records nothing for a refused note', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    await session.type('/incident note 1900-01-01 00:00 the first deploy');
    expect(await notes()).toEqual([]);
  });

  it('refuses a time one minute more than 7 days before the start', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    const out = await session.type('/incident note 2025-11-13 09:59 UTC canary went out');
    expect(out).toContain('is more than 7 days before the incident started');
  });

  it('accepts a time exactly 7 days before the start', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    const out = await session.type('/incident note 2025-11-13 10:00 UTC canary went out');
    expect(out).toContain('Noted at 10:00 UTC: canary went out');
    expect(await notes()).toEqual(['canary went out']);
  });

  it('counts the 7 days from the start, not from now, for a note added long after', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    await session.type('/clock 2025-12-20 10:00 UTC');
    const out = await session.type('/incident note 2025-11-14 08:00 UTC canary went out');
    expect(out).toContain('Noted at 08:00 UTC: canary went out');
  });

  it('still refuses a time in the future', async () => {
    await declaredAt('2025-11-20 10:00 UTC');
    const out = await session.type('/incident note 2025-11-21 10:00 UTC later');
    expect(out).toContain('is in the future');
    expect(out).toContain('Usage: /incident note');
  });
});
