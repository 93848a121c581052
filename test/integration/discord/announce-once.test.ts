import { afterEach, describe, expect, it } from 'vitest';
import { JournalledProgress } from '../../../src/jobs/handlers/journalled-progress.ts';
import { RedisProvisioningJournal } from '../../../src/storage/redis/redis-provisioning-journal.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;
afterEach(async () => {
  await bot?.dispose();
});

describe('a provisioning that stopped right after announcing', () => {
  it('does not announce again when it is run once more', async () => {
    bot = await DiscordTestBot.start({ config: { discord: { announce_channel: 'announcements' } } });
    const announcements = bot.fake.state.addChannel({ name: 'announcements', type: 0 });
    await bot.slash('start', { severity: 'sev2', title: 'Login storms' });
    const state = await bot.app.store.state(bot.ref(1));
    if (!state) throw new Error('INC-1 was not declared');
    // The crash: the announcement went out, but its step was never recorded as done.
    await bot.app.redis.hdel(bot.app.store.keys.provisioning(state.ref), 'done:announce');
    const journal = new RedisProvisioningJournal(bot.app.redis, bot.app.store.keys);
    await bot.app.platforms
      .get('discord')
      ?.provisionIncidentSpace(state, await JournalledProgress.load(journal, state.ref));
    const said = bot.botMessages(announcements.id).map((message) => message.content);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('Login storms');
  });
});
