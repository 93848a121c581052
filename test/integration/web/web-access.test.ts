import { afterEach, describe, expect, it } from 'vitest';
import { PUBLIC_WEB_ROUTES } from '../../../src/web/web-routes.ts';
import { type ConsoleSession, createConsoleSession } from '../../support/test-app.ts';

let session: ConsoleSession | undefined;
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

/** The sign-in link `/incident web` printed, as a path the app's routes answer. */
async function signInPath(s: ConsoleSession, who: string): Promise<string> {
  const printed = await s.type(`/as ${who}`, '/incident web');
  const link = /(https?:\/\/\S+\/web\/sign-in\?code=\S+)/.exec(printed)?.[1];
  if (!link) throw new Error(`no sign-in link in: ${printed}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

async function signIn(s: ConsoleSession, who: string): Promise<string> {
  const answer = await s.app.http.routes.request(await signInPath(s, who));
  expect(answer.status).toBe(303);
  const cookie = answer.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

const get = (s: ConsoleSession, path: string, cookie?: string) =>
  s.app.http.routes.request(path, cookie ? { headers: { cookie } } : {});

/**
 * Every route of the web view, from the router itself (middleware aside), with its parameters
 * filled in; reads first, so that signing out comes last.
 */
function webRoutes(s: ConsoleSession, number: number): { method: string; path: string }[] {
  const seen = new Set<string>();
  return s.app.http.routes.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/web'))
    .filter((route) => !(PUBLIC_WEB_ROUTES as readonly string[]).includes(route.path))
    .filter(
      (route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`),
    )
    .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'))
    .map((route) => ({
      method: route.method,
      path: route.path.replace(':number', String(number)).replace(':template', 'report'),
    }));
}

const call = (s: ConsoleSession, route: { method: string; path: string }, cookie?: string) =>
  s.app.http.routes.request(route.path, { method: route.method, ...(cookie ? { headers: { cookie } } : {}) });

describe('web view access', () => {
  it('signs in with the link /incident web gives, and shows the list', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const cookie = await signIn(session, 'alice');
    expect(cookie).toMatch(/^tocsin_session=/);
    const list = await get(session, '/web/incidents', cookie);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('checkout errors');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, for 12 hours, under /web', async () => {
    session = createConsoleSession();
    const answer = await session.app.http.routes.request(await signInPath(session, 'alice'));
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).toContain('Path=/web');
    expect(answer.headers.get('location')).toBe('/web/incidents');
  });

  it('refuses a link the second time it is followed', async () => {
    session = createConsoleSession();
    const path = await signInPath(session, 'alice');
    expect((await get(session, path)).status).toBe(303);
    const again = await get(session, path);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('already used, it has expired');
  });

  it('refuses a link whose signature was altered, and one with no code', async () => {
    session = createConsoleSession();
    const path = await signInPath(session, 'alice');
    const forged = `${path.slice(0, -3)}${path.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await get(session, forged)).status).toBe(401);
    expect((await get(session, '/web/sign-in')).status).toBe(401);
    // The real one still works: a forged attempt did not use it up.
    expect((await get(session, path)).status).toBe(303);
  });

  it('refuses a forged session cookie', async () => {
    session = createConsoleSession();
    const cookie = await signIn(session, 'alice');
    expect((await get(session, '/web/incidents', `${cookie}x`)).status).toBe(401);
  });

  it('answers every web route 401 without a session', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const routes = webRoutes(session, 1);
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const answer = await call(session, route);
      expect({ ...route, status: answer.status }).toEqual({ ...route, status: 401 });
      expect(await answer.text()).not.toContain('checkout errors');
    }
  });

  it('answers every incident route 404 to someone who may not see the private incident, and leaves it out of the list and stats', async () => {
    session = createConsoleSession();
    await session.type('/as alice', '/incident start private sev1 payroll leak', '/incident postmortem');
    let bob = await signIn(session, 'bob');
    for (const route of webRoutes(session, 1)) {
      const answer = await call(session, route, bob);
      expect(await answer.text()).not.toContain('payroll leak');
      const status = route.path.includes('/incidents/1') ? 404 : 200;
      expect({ ...route, status: answer.status }).toEqual({ ...route, status });
    }
    // The walk ended with signing out.
    bob = await signIn(session, 'bob');
    // The same 404 as for an incident that does not exist: nothing says that INC-1 is there.
    expect((await get(session, '/web/incidents/99', bob)).status).toBe(404);
    const alice = await signIn(session, 'alice');
    expect((await get(session, '/web/incidents/1', alice)).status).toBe(200);
  });

  it('ends the session on sign-out, so the same cookie is refused afterwards', async () => {
    session = createConsoleSession();
    const cookie = await signIn(session, 'alice');
    const out = await session.app.http.routes.request('/web/sign-out', {
      method: 'POST',
      headers: { cookie },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get(session, '/web/incidents', cookie)).status).toBe(401);
  });

  it('shows a person only the incidents of their own workspace', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const links = session.app.services.signInLinks;
    if (!links) throw new Error('no sign-in links');
    const other = await links.issue({
      platform: 'slack',
      workspace: 'T-OTHER',
      actor: { id: 'U1', name: 'eve' },
    });
    const url = new URL(other.url);
    const answer = await get(session, `${url.pathname}${url.search}`);
    const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await (await get(session, '/web/incidents', cookie)).text()).not.toContain('checkout errors');
    expect((await get(session, '/web/incidents/1', cookie)).status).toBe(404);
  });

  it('streams a new timeline entry to the open page, redacted', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const cookie = await signIn(session, 'alice');
    const page = await (await get(session, '/web/incidents/1', cookie)).text();
    const stream = /data-stream="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    if (!stream) throw new Error('the page follows no stream');
    const controller = new AbortController();
    const answer = await session.app.http.routes.request(stream, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(answer.headers.get('content-type')).toContain('text/event-stream');
    await session.type('/incident note rotated db password=Hunter2Secret99');
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    while (!received.includes('event: entry'))
      received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    expect(received).toContain('rotated db password=[REDACTED:');
    expect(received).not.toContain('Hunter2Secret99');
  });

  it('pages a long timeline by 200, opening on the latest entries', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const ref = { platform: 'console', workspace: 'local', number: 1 };
    const state = await session.app.store.state(ref);
    const at = new Date().toISOString();
    const events = Array.from({ length: 249 }, (_, i) => ({
      type: 'note_added' as const,
      text: `step ${i + 1}`,
      occurredAt: at,
      at,
      actor: { id: 'you', name: 'you' },
      origin: { platform: 'console', workspace: 'local', channel: 'inc-1' },
    }));
    await session.app.store.append({ ref, events, expectedRevision: state?.revision ?? 0 });
    const cookie = await signIn(session, 'you');
    const entries = (html: string) => [...html.matchAll(/<li class="entry/g)].length;
    const latest = await (await get(session, '/web/incidents/1', cookie)).text();
    expect(entries(latest)).toBe(50);
    expect(latest).toContain('step 249');
    expect(latest).toContain('data-stream=');
    const first = await (await get(session, '/web/incidents/1?page=1', cookie)).text();
    expect(entries(first)).toBe(200);
    expect(first).toContain('Incident declared');
    // Only the latest page grows live.
    expect(first).not.toContain('data-stream=');
  });

  it('previews the draft of a template not written yet, and knows no other template', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 checkout errors');
    const cookie = await signIn(session, 'you');
    const preview = await get(session, '/web/incidents/1/drafts/sre', cookie);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Not written yet');
    expect((await get(session, '/web/incidents/1/drafts/nonesuch', cookie)).status).toBe(404);
    expect((await get(session, '/web/incidents/1/drafts/..%2F..%2Fetc/download', cookie)).status).toBe(404);
  });

  it('sends a strict CSP with no inline script, and escapes what people typed', async () => {
    session = createConsoleSession();
    await session.type('/incident start sev2 <script>alert(1)</script> db password=Hunter2Secret99');
    const cookie = await signIn(session, 'alice');
    const answer = await get(session, '/web/incidents/1', cookie);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await answer.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('Hunter2Secret99');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
