/**
 * `npm run screenshots`: the web view's pages, as docs/screenshots/*.png for the README. Drives a
 * whole app on a private redis-server through the console's commands (a few incidents over the
 * last weeks, one with notes, a page and its acknowledgement, action items and a draft), serves
 * the public routes on a free port and photographs each page in Debian's chromium.
 */
import { fileURLToPath } from 'node:url';
import { consoleContext, createBenchApp } from '../bench/lib/bench-app.ts';
import { startBenchRedis } from '../bench/lib/bench-redis.ts';
import { AdjustableClock } from '../src/core/time/clock.ts';
import { startHttpServer } from '../src/http/start-http-server.ts';
import { launchBrowser } from '../test/support/browser.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const HOUR = 3_600_000;

async function main(): Promise<void> {
  const redis = await startBenchRedis('screenshots');
  const clock = new AdjustableClock();
  const app = createBenchApp(redis.connect(), redis.uniquePrefix('screenshots'), clock);
  app.startWorkers();
  const server = await startHttpServer(0, [], { fallback: app.http.listener, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const now = Date.now();
    const say = async (at: number, user: string, channel: string, text: string) => {
      clock.set(new Date(at));
      const reply = await app.core.process({ kind: 'command', text, context: consoleContext(channel, user) });
      if (reply?.error) throw new Error(`"${text}" failed: ${reply.text}`);
      await app.jobs.settle();
      return reply;
    };
    const channelOf = async (number: number) =>
      (await app.store.state({ platform: 'console', workspace: 'local', number }))?.channel?.id ?? '';
    const past = [
      ['sev1', 'payments API returns 502', 20, 0.6, 3],
      ['sev3', 'search results slow in EU', 16, 0.2, 5],
      ['sev2', 'login emails delayed', 9, 0.4, 2],
      ['sev4', 'status page typo', 4, 0.1, 1],
    ] as const;
    for (const [number, [severity, title, daysAgo, ackHours, resolveHours]] of past.entries()) {
      const start = now - daysAgo * 24 * HOUR;
      await say(start, 'alice', 'general', `start ${severity} ${title}`);
      const channel = await channelOf(number + 1);
      await say(start + 60_000, 'alice', channel, 'page @bob');
      await say(start + ackHours * HOUR, 'bob', channel, 'ack');
      await say(start + resolveHours * HOUR, 'alice', channel, 'resolve');
    }
    const start = now - 2 * HOUR;
    await say(start, 'alice', 'general', 'start sev2 checkout errors after deploy 4411');
    const channel = await channelOf(5);
    await say(start + 2 * 60_000, 'alice', channel, 'page @bob checkout is failing for 20% of users');
    await say(start + 6 * 60_000, 'bob', channel, 'ack');
    await say(start + 8 * 60_000, 'alice', channel, 'role scribe @carol');
    await say(
      start + 15 * 60_000,
      'bob',
      channel,
      'status identified feature flag new-cart enabled for everyone',
    );
    await say(start + 20 * 60_000, 'bob', channel, 'note rolled back deploy 4411');
    await say(start + 35 * 60_000, 'alice', channel, 'status monitoring error rate back to 0.1%');
    await say(
      start + 40 * 60_000,
      'alice',
      channel,
      'action add a canary stage for flag changes @bob due 2026-12-18 priority high',
    );
    await say(start + 41 * 60_000, 'carol', channel, 'action alert on checkout error rate per region @carol');
    await say(start + 45 * 60_000, 'alice', channel, 'postmortem');
    clock.reset();

    const base = `http://127.0.0.1:${server.port}`;
    const link = new URL(
      (
        await app.services.signInLinks?.issue({
          platform: 'console',
          workspace: 'local',
          actor: { id: 'alice', name: 'alice' },
        })
      )?.url ?? '',
    );
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${base}${link.pathname}${link.search}`);
    const shoot = async (path: string, name: string) => {
      await page.goto(`${base}${path}`);
      await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
      process.stdout.write(`docs/screenshots/${name}.png\n`);
    };
    await shoot('/web/incidents', 'incidents');
    await shoot('/web/incidents/5', 'incident');
    await shoot('/web/incidents/5/drafts/report', 'draft');
    await shoot('/web/stats?days=30', 'stats');
  } finally {
    await browser.close();
    await server.close();
    await app.dispose();
    await redis.stop();
  }
}

await main();
