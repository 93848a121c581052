import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app/create-app.ts';
import { readEnvOptions, secretValues } from '../../../src/config/read-env.ts';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';
import type { RedisConnection } from '../../../src/storage/redis/redis-connection.ts';
import { testConfig, testRedisUrl, uniquePrefix } from '../../support/test-app.ts';

const VIEWER = { platform: 'slack', workspace: 'T1', actor: { id: 'U1', name: 'alice' } };
const opened: { app: App; redis: RedisConnection }[] = [];
afterEach(async () => {
  for (const { app, redis } of opened.splice(0)) {
    await app.close();
    redis.disconnect();
  }
});

/** An app (a replica) without workers: only its web routes are used. */
function replica(prefix: string, web: { baseUrl: string; sessionSecret?: string }): App {
  const redis = connectRedis(testRedisUrl());
  const app = createApp({
    redis,
    config: testConfig(),
    postmortemDir: mkdtempSync(join(tmpdir(), 'tocsin-pm-')),
    prefix,
    web,
  });
  opened.push({ app, redis });
  return app;
}

async function follow(app: App, link: string): Promise<Response> {
  const url = new URL(link);
  return app.http.routes.request(`${url.pathname}${url.search}`);
}

async function issue(app: App): Promise<string> {
  const links = app.services.signInLinks;
  if (!links) throw new Error('no web view');
  return (await links.issue(VIEWER)).url;
}

describe('signing the web view links', () => {
  it('links to WEB_BASE_URL, and makes the cookie Secure when that is https', async () => {
    const app = replica(uniquePrefix('web'), { baseUrl: 'https://tocsin.example.com' });
    const link = await issue(app);
    expect(link).toMatch(/^https:\/\/tocsin\.example\.com\/web\/sign-in\?code=[\w-]+\.[\w-]+$/);
    const answer = await follow(app, link);
    expect(answer.headers.get('set-cookie')).toContain('Secure');
  });

  it('leaves Secure off on plain http (a cookie marked Secure would never come back)', async () => {
    const app = replica(uniquePrefix('web'), { baseUrl: 'http://localhost:3000' });
    const answer = await follow(app, await issue(app));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('refuses a link signed with another WEB_SESSION_SECRET', async () => {
    const prefix = uniquePrefix('web');
    const one = replica(prefix, { baseUrl: 'http://localhost:3000', sessionSecret: 'first secret' });
    const other = replica(prefix, { baseUrl: 'http://localhost:3000', sessionSecret: 'second secret' });
    expect((await follow(other, await issue(one))).status).toBe(401);
  });

  it('signs alike on every replica when no secret is set (one generated once, kept in Redis)', async () => {
    const prefix = uniquePrefix('web');
    const one = replica(prefix, { baseUrl: 'http://localhost:3000' });
    const other = replica(prefix, { baseUrl: 'http://localhost:3000' });
    const answer = await follow(other, await issue(one));
    expect(answer.status).toBe(303);
    const cookie = answer.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await one.http.routes.request('/web/incidents', { headers: { cookie } })).status).toBe(200);
  });

  it('reads WEB_BASE_URL, defaulting to localhost on PORT, and counts WEB_SESSION_SECRET as a credential', () => {
    expect(readEnvOptions({ PORT: '8080' }).web).toEqual({ baseUrl: 'http://localhost:8080' });
    expect(readEnvOptions({ WEB_BASE_URL: 'https://t.example', WEB_SESSION_SECRET: 's3' }).web).toEqual({
      baseUrl: 'https://t.example',
      sessionSecret: 's3',
    });
    expect(secretValues(readEnvOptions({ WEB_SESSION_SECRET: 'kept out of logs' }))).toContain(
      'kept out of logs',
    );
  });

  it('refuses to start with a WEB_BASE_URL that is not a web address, naming it', () => {
    expect(() => replica(uniquePrefix('web'), { baseUrl: 'tocsin.example.com' })).toThrow(/WEB_BASE_URL/);
  });
});
