import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, Intent } from './index.ts';
import { snowflakeTimestamp } from './snowflake.ts';

/** Wire-level checks of the fake itself (plain fetch and ws, no discord.js). */

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await FakeDiscord.start({ token: 'test-token', privilegedIntents: { guildPresences: false } });
});

afterEach(async () => {
  await fake.close();
  expect(fake.rest.internalErrors).toEqual([]);
});

async function api(method: string, path: string, body?: unknown, auth = true) {
  const res = await fetch(`${fake.apiBase}/v10${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: 'Bot test-token' } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

const post = (body: unknown) => api('POST', `/channels/${fake.ids.generalChannelId}/messages`, body);

/** A raw gateway client: collects frames, sends IDENTIFY after HELLO. */
async function identify(intents: number, token = 'test-token') {
  const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
  const frames: { op: number; t?: string; d?: Record<string, unknown> }[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { op: number };
    frames.push(frame);
    if (frame.op === 10) ws.send(JSON.stringify({ op: 2, d: { token, intents, properties: {} } }));
  });
  return { ws, frames, closed };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('fake Discord REST', () => {
  it('sends 429s with the headers and body Discord uses', async () => {
    fake.rest.failNext('GET /users/@me', { status: 429, retryAfter: 0.5 });
    fake.rest.failNext('GET /users/@me', { status: 429, retryAfter: 2.25, global: true });
    const user = await api('GET', '/users/@me');
    expect(user.status).toBe(429);
    expect(user.headers.get('retry-after')).toBe('1');
    expect(user.headers.get('x-ratelimit-scope')).toBe('user');
    expect(user.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(user.headers.get('x-ratelimit-reset-after')).toBe('0.500');
    expect(user.body).toEqual({ message: 'You are being rate limited.', retry_after: 0.5, global: false });
    const global = await api('GET', '/users/@me');
    expect(global.headers.get('x-ratelimit-global')).toBe('true');
    expect(global.headers.get('retry-after')).toBe('3');
    expect(global.body?.global).toBe(true);
    expect((await api('GET', '/users/@me')).status).toBe(200);
    expect((await api('GET', '/users/@me', undefined, false)).status).toBe(401);
  });

  it('enforces message limits with Invalid Form Body errors', async () => {
    const content = await post({ content: 'x'.repeat(2001) });
    expect(content.body).toMatchObject({
      code: 50035,
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
    const embeds = await post({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) });
    expect(embeds.body).toMatchObject({
      code: 50035,
      errors: { embeds: { _errors: [{ message: 'Must be 10 or fewer in length.' }] } },
    });
    const field = await post({ embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] });
    expect(field.body).toMatchObject({
      errors: {
        embeds: { 0: { fields: { 0: { value: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
      },
    });
    const total = await post({
      embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }],
    });
    expect(total.body).toMatchObject({
      errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    });
    expect((await post({ content: '  ' })).body).toMatchObject({ code: 50006 });
    expect((await post({ content: 'x'.repeat(2000) })).status).toBe(200);
  });

  it('records spec violations without rejecting the request', async () => {
    const res = await post({ content: 'ok', embeds: [{ title: 5 }] });
    expect(res.status).toBe(200);
    const [violation] = fake.rest.specViolations();
    expect(violation?.operation).toBe('create_message');
    expect(violation?.errors).toContain('/embeds/0/title must be string,null');
  });

  it('rejects a second interaction callback with 40060 and unknown ones with 10062', async () => {
    const sent = fake.gateway.slashCommand({ name: 'incident' });
    const url = `/interactions/${sent.id}/${sent.token}/callback`;
    const first = await api('POST', url, { type: 4, data: { content: 'first' } }, false);
    expect(first.status).toBe(204);
    expect(first.headers.get('content-type')).toBeNull();
    expect((await api('POST', url, { type: 4, data: { content: 'again' } }, false)).body?.code).toBe(40060);
    expect((await api('POST', `/interactions/${sent.id}/bad/callback`, { type: 5 }, false)).body?.code).toBe(
      10062,
    );
  });

  it('validates channel creation: names, categories, overwrites the bot cannot grant', async () => {
    const path = `/guilds/${fake.ids.guildId}/channels`;
    const made = await api('POST', path, { name: 'Sev1 Checkout', parent_id: fake.ids.incidentsCategoryId });
    expect(made).toMatchObject({ status: 201, body: { name: 'sev1-checkout', type: 0 } });
    const badParent = await api('POST', path, { name: 'x', parent_id: fake.ids.generalChannelId });
    expect(badParent.body).toMatchObject({ code: 50035, errors: { parent_id: {} } });
    const grant = await api('POST', path, {
      name: 'x',
      permission_overwrites: [{ id: fake.ids.everyoneRoleId, type: 0, allow: String(1n << 3n), deny: '0' }],
    });
    expect(grant.body).toMatchObject({ code: 50013 });
    fake.setBotPermissions({ sendMessages: false });
    expect((await post({ content: 'hi' })).body).toMatchObject({ code: 50013 });
    fake.setBotPermissions({ readMessageHistory: false });
    expect((await api('GET', `/channels/${fake.ids.generalChannelId}/messages`)).body).toEqual([]);
  });

  it('pages history newest first with before/after/around/limit', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => fake.gateway.messageCreate({ content: `m${i}` }).id);
    const page = async (query: string) => {
      const res = await api('GET', `/channels/${fake.ids.generalChannelId}/messages?${query}`);
      return (res.body as unknown as { content: string }[]).map((m) => m.content);
    };
    expect(await page('limit=2')).toEqual(['m5', 'm4']);
    expect(await page(`before=${ids[2]}`)).toEqual(['m1', 'm0']);
    expect(await page(`after=${ids[2]}&limit=2`)).toEqual(['m4', 'm3']);
    expect(await page(`around=${ids[3]}&limit=4`)).toEqual(['m4', 'm3', 'm2', 'm1']);
    expect((await api('GET', `/channels/${fake.ids.generalChannelId}/messages?limit=101`)).status).toBe(400);
  });

  it('stamps every message with the time inside its own id, as Discord does', () => {
    // 5,000 in a burst: more than one millisecond's worth of snowflake increments.
    const messages = Array.from({ length: 5000 }, (_, i) => fake.gateway.messageCreate({ content: `m${i}` }));
    const mismatched = messages.filter((m) => Date.parse(m.timestamp) !== snowflakeTimestamp(m.id));
    expect(mismatched).toEqual([]);
  });
});

describe('fake Discord gateway', () => {
  it('acks heartbeats and filters dispatches by intents', async () => {
    const guildsOnly = await identify(Intent.Guilds);
    await until(() => guildsOnly.frames.some((f) => f.t === 'GUILD_CREATE'));
    guildsOnly.ws.send(JSON.stringify({ op: 1, d: 2 }));
    await until(() => guildsOnly.frames.some((f) => f.op === 11));
    fake.gateway.messageCreate({ content: 'hidden' });
    fake.state.addChannel({ name: 'visible', type: 0 });
    await until(() => guildsOnly.frames.some((f) => f.t === 'CHANNEL_CREATE'));
    expect(guildsOnly.frames.some((f) => f.t === 'MESSAGE_CREATE')).toBe(false);
    const ready = guildsOnly.frames.find((f) => f.t === 'READY');
    expect(ready?.d).toMatchObject({ v: 10, guilds: [{ id: fake.ids.guildId, unavailable: true }] });
    guildsOnly.ws.close();
  });

  it('closes with 4004 on a bad token and 4014 on a disabled privileged intent', async () => {
    expect(await (await identify(Intent.Guilds, 'nope')).closed).toBe(4004);
    expect(await (await identify(Intent.Guilds | Intent.GuildPresences)).closed).toBe(4014);
  });
});
