import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordTestBot } from '../discord/discord-test-bot.ts';

let bot: DiscordTestBot;
beforeEach(async () => {
  bot = await DiscordTestBot.start();
});
afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

describe('/incident web on Discord', () => {
  it('answers the sign-in link to the person alone, and it signs them in to their guild', async () => {
    const asked = await bot.slash('web');
    const callback = bot.fake.state.commands.callbacks.find((entry) => entry.interactionId === asked.id);
    expect(callback).toMatchObject({ data: { flags: 64 } });
    const answer = bot.privateReplies(asked).join('\n');
    const link = /https?:\/\/\S+\/web\/sign-in\?code=[\w.-]+/.exec(answer)?.[0];
    if (!link) throw new Error(`no sign-in link in: ${answer}`);
    const url = new URL(link);
    const signedIn = await bot.app.http.routes.request(`${url.pathname}${url.search}`);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const page = await bot.app.http.routes.request('/web/incidents', { headers: { cookie } });
    expect(await page.text()).toContain(`(discord ${bot.ids.guildId})`);
  });
});
