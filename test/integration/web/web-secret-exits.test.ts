import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/core/timeline/build-timeline.ts';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { asTitle, leakedSamples } from '../../support/secret-leaks.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

/**
 * Someone declares an incident with a secret in its title, once for every secret of the corpus,
 * and pastes every line into INC-1 as notes. No page of the web view, its live stream or its
 * download may carry one.
 */
const titles = SECRET_SAMPLES.map((sample) => asTitle(sample.line).slice(0, 150));

let session: ConsoleSession;
let cookie = '';
beforeAll(async () => {
  session = createConsoleSession({ config: testConfig({ rate_limits: { declare_per_user: 0 } }) });
  for (const title of titles) await session.type(`/join general`, `/incident start sev2 ${title}`);
  const first = await session.app.store.state({ platform: 'console', workspace: 'local', number: 1 });
  await session.type(
    `/join ${first?.channel?.name}`,
    ...titles.map((title) => `/incident note ${title}`),
    '/incident postmortem',
  );
  const printed = await session.type('/incident web');
  const link = new URL(/(https?:\/\/\S+\/web\/sign-in\?code=\S+)/.exec(printed)?.[1] ?? '');
  const answer = await session.app.http.routes.request(`${link.pathname}${link.search}`);
  cookie = answer.headers.get('set-cookie')?.split(';')[0] ?? '';
}, 120_000);
afterAll(async () => session?.dispose());

async function text(path: string): Promise<string> {
  const answer = await session.app.http.routes.request(path, { headers: { cookie } });
  expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  return answer.text();
}

describe('a secret in an incident, in the web view', () => {
  it('shows on no page of the list', async () => {
    const pages = [];
    for (let page = 1; page <= Math.ceil(titles.length / 50); page++)
      pages.push(await text(`/web/incidents?page=${page}`));
    expect(pages.join('\n')).toContain('INC-1<');
    expect(leakedSamples(pages, SECRET_SAMPLES)).toEqual([]);
  });

  it('shows on no incident page', async () => {
    const pages = await Promise.all(titles.map((_, i) => text(`/web/incidents/${i + 1}`)));
    expect(leakedSamples(pages, SECRET_SAMPLES)).toEqual([]);
  });

  it('shows in no draft, neither on its page nor in its download', async () => {
    const shown = [
      await text('/web/incidents/1/drafts/report'),
      await text('/web/incidents/1/drafts/report/download'),
    ];
    expect(leakedSamples(shown, SECRET_SAMPLES)).toEqual([]);
  });

  it('goes down the live stream redacted', async () => {
    const controller = new AbortController();
    const answer = await session.app.http.routes.request('/web/incidents/1/stream?after=0-0', {
      headers: { cookie },
      signal: controller.signal,
    });
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    const ref = { platform: 'console', workspace: 'local', number: 1 };
    const entries = buildTimeline(await session.app.store.read(ref)).length;
    expect(entries).toBeGreaterThan(titles.length / 2);
    let received = '';
    while ((received.match(/event: entry/g) ?? []).length < entries) {
      received += new TextDecoder().decode((await reader.read()).value);
    }
    controller.abort();
    await reader.cancel();
    expect(leakedSamples([received], SECRET_SAMPLES)).toEqual([]);
  });
});
