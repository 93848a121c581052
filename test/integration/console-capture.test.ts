import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession } from '../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

async function declared(): Promise<ConsoleSession> {
  session = createConsoleSession();
  await session.type('/as alice', '/incident start sev2 checkout errors');
  return session;
}

const chatter = async () =>
  (await session.app.store.read({ platform: 'console', workspace: 'local', number: 1 })).filter((event) =>
    event.type.startsWith('message_'),
  );

const idOf = (event: object | undefined) => (event as { messageId?: string } | undefined)?.messageId;

describe('editing, deleting and pinning in the console', () => {
  it('tells you when you have said nothing in the channel to edit, and records nothing', async () => {
    await declared();
    const out = await session.type('/edit db-2 is fine');
    expect(out).toContain('(only visible to you): You have said nothing in #inc-1-checkout-errors to edit.');
    expect(await chatter()).toEqual([]);
  });

  it('edits only your own last message, not the last one someone else said', async () => {
    await declared();
    await session.type(
      'db-2 looks fine',
      '/as bob',
      'checking the pool',
      '/as alice',
      '/edit db-2 is NOT fine',
    );
    const [alices, , edit] = await chatter();
    expect(edit).toMatchObject({ type: 'message_edited', text: 'db-2 is NOT fine' });
    expect(idOf(edit)).toBe(idOf(alices));
  });

  it('pins the last message said in the channel, whoever said it', async () => {
    await declared();
    await session.type('/as bob', 'cause: the pool is exhausted', '/as alice', '/pin');
    const [said, pinned] = await chatter();
    expect(pinned).toMatchObject({ type: 'message_promoted', actor: { id: 'alice' } });
    expect(idOf(pinned)).toBe(idOf(said));
  });

  it('does not pin a message that was deleted', async () => {
    await declared();
    await session.type('wrong channel, sorry', '/delete');
    const out = await session.type('/pin');
    expect(out).toContain('Nothing has been said in #inc-1-checkout-errors to pin.');
  });
});
