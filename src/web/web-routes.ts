import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { AppServices } from '../app/app-services.ts';
import { visibleOnly } from '../core/policy/incident-visibility.ts';
import { workspaceStates } from '../core/stats/workspace-states.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { type Access, type Refusal, WebAuthoriser } from './authorise.ts';
import { draftView } from './pages/draft-page.ts';
import { incidentView } from './pages/incident-page.ts';
import { listView, readFilters } from './pages/list-page.ts';
import { STATS_WINDOWS, statsView } from './pages/stats-charts.ts';
import { timelineStream } from './pages/timeline-stream.ts';
import { RedisSignInLinks, SIGN_IN_PARAM, SIGN_IN_PATH } from './sign-in-links.ts';
import type { WebSigner } from './web-secret.ts';
import { RedisWebSessions, SESSION_COOKIE, SESSION_HOURS } from './web-sessions.ts';
import { createWebViews, WEB_TEMPLATES_DIR } from './web-views.ts';

export interface WebOptions {
  /** The public address used in links (WEB_BASE_URL). */
  baseUrl: string;
  /** WEB_SESSION_SECRET; absent: one generated once and kept in Redis. */
  sessionSecret?: string;
  /** How often the live timeline reads the log (default 500 ms). */
  pollMs?: number;
}

/** Routes anyone may reach: signing in, the files pages load, and the way back to sign-in. */
export const PUBLIC_WEB_ROUTES = ['/web', SIGN_IN_PATH, '/web/static/:file'] as const;

const STATIC_FILES: Record<string, string> = { 'web.js': 'text/javascript', 'web.css': 'text/css' };

interface Deps {
  authoriser: WebAuthoriser;
  secureCookie: boolean;
  pollMs: number;
}

type Guarded = (c: Context, access: Access) => Promise<Response> | Response;

/**
 * The read-only web view. Every route but the public few is registered through `guard`, so it
 * cannot be served without the one authorisation check.
 */
export function registerWebRoutes(
  routes: Hono,
  services: AppServices,
  redis: RedisConnection,
  signer: WebSigner,
  keyPrefix: string,
  options: WebOptions,
): RedisSignInLinks {
  const views = createWebViews(services.redactor);
  const sessions = new RedisWebSessions(redis, signer, keyPrefix);
  const links = new RedisSignInLinks(redis, signer, keyPrefix, options.baseUrl);
  const deps: Deps = {
    authoriser: new WebAuthoriser(sessions, services.store, services.platforms),
    secureCookie: webAddress(options.baseUrl).protocol === 'https:',
    pollMs: options.pollMs ?? 500,
  };
  const render = (c: Context, view: string, data: Record<string, unknown>, status = 200) =>
    c.html(views.render(view, { ...data, timeZone: services.config.timezone }), status as 200);
  const refuse = (c: Context, refusal: Refusal) =>
    refusal.refused === 'sign-in'
      ? render(c, 'sign-in-needed', { title: 'Sign in' }, 401)
      : render(c, 'not-found', { title: 'Not found' }, 404);
  const guard =
    (handler: Guarded, scope: 'workspace' | 'incident') =>
    async (c: Context): Promise<Response> => {
      const access = await deps.authoriser.authorise(
        c,
        scope === 'incident' ? c.req.param('number') : undefined,
      );
      return 'refused' in access ? refuse(c, access) : handler(c, access);
    };

  routes.use(
    '/web/*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      // The sign-in code is in a URL: never send it on as a Referer.
      referrerPolicy: 'no-referrer',
    }),
    async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    },
  );

  routes.get('/web', (c) => c.redirect('/web/incidents', 303));
  routes.get(SIGN_IN_PATH, async (c) => {
    const viewer = await links.redeem(c.req.query(SIGN_IN_PARAM) ?? '');
    if (!viewer) return render(c, 'link-refused', { title: 'Sign-in link refused' }, 401);
    setCookie(c, SESSION_COOKIE, await sessions.start(viewer), {
      httpOnly: true,
      secure: deps.secureCookie,
      sameSite: 'Lax',
      path: '/web',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/web/incidents', 303);
  });
  const staticFiles = new Map(
    Object.entries(STATIC_FILES).map(([name, type]) => [
      name,
      { type, body: readFileSync(join(WEB_TEMPLATES_DIR, 'static', name), 'utf8') },
    ]),
  );
  routes.get('/web/static/:file', (c) => {
    const file = staticFiles.get(c.req.param('file'));
    if (!file) return c.text('not found\n', 404);
    return c.body(file.body, 200, {
      'Content-Type': `${file.type}; charset=utf-8`,
      'Cache-Control': 'max-age=300',
    });
  });

  routes.get(
    '/web/incidents',
    guard(async (c, { viewer }) => {
      const states = await workspaceStates(services.store, viewer);
      const visible = await visibleOnly(services.platforms, states, viewer.actor);
      const list = listView(
        visible,
        readFilters((name) => c.req.query(name)),
        services.clock.now(),
        services.config.timezone,
      );
      return render(c, 'list', { title: 'Incidents', viewer, list });
    }, 'workspace'),
  );
  routes.get(
    '/web/incidents/:number',
    guard(async (c, { viewer, incident }) => {
      if (!incident) return refuse(c, { refused: 'not-found' });
      const page = Number.parseInt(c.req.query('page') ?? '', 10);
      const view = await incidentView(services.store, incident, {
        page: Number.isFinite(page) ? page : undefined,
        timeZone: services.config.timezone,
        templates: services.postmortems.templateNames(),
      });
      return render(c, 'incident', { title: `${view.label} ${view.title}`, viewer, incident: view });
    }, 'incident'),
  );
  routes.get(
    '/web/incidents/:number/stream',
    guard((c, { incident }) => {
      if (!incident) return refuse(c, { refused: 'not-found' });
      return timelineStream(c, incident, {
        store: services.store,
        redactor: services.redactor,
        timeZone: services.config.timezone,
        pollMs: deps.pollMs,
        lifetimeMs: 10 * 60_000,
      });
    }, 'incident'),
  );
  routes.get(
    '/web/incidents/:number/drafts/:template',
    guard(async (c, { viewer, incident }) => {
      const draft = incident && (await draftView(services, incident, c.req.param('template') ?? ''));
      if (!incident || !draft) return refuse(c, { refused: 'not-found' });
      return render(c, 'draft', { title: `${draft.fileName}`, viewer, number: incident.number, draft });
    }, 'incident'),
  );
  routes.get(
    '/web/incidents/:number/drafts/:template/download',
    guard(async (c, { incident }) => {
      const draft = incident && (await draftView(services, incident, c.req.param('template') ?? ''));
      if (!incident || !draft) return refuse(c, { refused: 'not-found' });
      return c.body(draft.content, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="${draft.fileName.replace(/[^\w.-]/g, '_')}"`,
      });
    }, 'incident'),
  );
  routes.get(
    '/web/stats',
    guard(async (c, { viewer }) => {
      const asked = Number.parseInt(c.req.query('days') ?? '30', 10);
      const days = (STATS_WINDOWS as readonly number[]).includes(asked) ? asked : 30;
      const states = await visibleOnly(
        services.platforms,
        await workspaceStates(services.store, viewer),
        viewer.actor,
      );
      return render(c, 'stats', {
        title: 'Stats',
        viewer,
        stats: statsView(states, services.clock.now(), days),
      });
    }, 'workspace'),
  );
  // A cross-site form cannot sign anyone out: SameSite=Lax keeps the cookie off its POST.
  routes.post(
    '/web/sign-out',
    guard(async (c) => {
      await sessions.end(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/web' });
      return render(c, 'signed-out', { title: 'Signed out' });
    }, 'workspace'),
  );
  return links;
}

function webAddress(baseUrl: string): URL {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error(`WEB_BASE_URL "${baseUrl}" is not a web address: give it as https://host[:port]`);
  }
  return url;
}
