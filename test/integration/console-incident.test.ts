import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession } from '../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

describe('a whole incident in the console', () => {
  it('declares, captures, backdates a note, resolves and writes a postmortem with the note at its time', async () => {
    session = createConsoleSession();
    await session.type('/clock 2025-11-20 10:00 UTC', '/as alice');
    const declared = await session.type('/incident start sev2 checkout errors');
    expect(declared).toContain('INC-1 declared: SEV2 checkout errors');
    expect(declared).toContain('[#inc-1-checkout-errors]');
    await session.type(
      'hello team',
      '/incident note 09:58 rolled back deploy 4411',
      '/incident resolve fixed',
    );
    const postmortem = await session.type('/incident postmortem');
    const path = /written to (\S+\.md)\./.exec(postmortem)?.[1];
    expect(path).toBeDefined();
    const draft = readFileSync(path as string, 'utf8');
    expect(draft).toContain('checkout errors');
    expect(draft).toMatch(/09:58 UTC.*rolled back deploy 4411/);
  });
});
