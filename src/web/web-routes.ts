import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppServices } from '../app/app-services.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import { visibleOnly } from '../core/policy/incident-visibility.ts';
import { workspaceStates } from '../core/stats/workspace-states.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { WebViewer } from '../ports/sign-in-links.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { type Refusal, WebAuthoriser } from './authorise.ts';
import { draftView } from './pages/draft-page.ts';
import { incidentView } from './pages/incident-page.ts';
import { listView, readFilters } from './pages/list-page.ts';
import { STATS_WINDOWS, statsView } from './pages/stats-charts.ts';
import { timelineStream } from './pages/timeline-stream.ts';
import { RedisSignInLinks, SIGN_IN_PARAM, SIGN_IN_PATH } from './sign-in-links.ts';
import { registerStaticFiles, STATIC_ROUTE, webSecurityHeaders } from './web-headers.ts';
import { WebSigner } from './web-secret.ts';
import { RedisWebSessions, SESSION_COOKIE, SESSION_HOURS } from './web-sessions.ts';
import { createWebViews } from './web-views.ts';

export interface WebOptions {
  /** The public address used in links (WEB_BASE_URL). */
  baseUrl: string;
  /** WEB_SESSION_SECRET; absent: one generated once and kept in Redis. */
  sessionSecret?: string;
  /** How often the live timeline reads the log (default 500 ms). */
  pollMs?: number;
  /** Who signed in, when (never the link or the cookie). */
  logger?: Logger;
}

/** Routes anyone may reach: signing in, the files pages load, and the way back to sign-in. */
export const PUBLIC_WEB_ROUTES = ['/web', SIGN_IN_PATH, STATIC_ROUTE] as const;

type Answer = Promise<Response> | Response;
const NOT_FOUND: Refusal = { refused: 'not-found' };

/**
 * The read-only web view. Every route but the public few is registered through `guard`, so it
 * cannot be served without the one authorisation check.
 */
export function registerWebRoutes(
  routes: Hono,
  services: AppServices,
  redis: RedisConnection,
  keyPrefix: string,
  options: WebOptions,
): RedisSignInLinks {
  const signer = new WebSigner(redis, `${keyPrefix}:secret`, options.sessionSecret);
  const views = createWebViews(services.redactor);
  const sessions = new RedisWebSessions(redis, signer, keyPrefix);
  const links = new RedisSignInLinks(redis, signer, keyPrefix, options.baseUrl);
  const authoriser = new WebAuthoriser(sessions, services.store, services.platforms);
  const secureCookie = webAddress(options.baseUrl).protocol === 'https:';
  const render = (c: Context, view: string, data: Record<string, unknown>, status = 200) =>
    c.html(views.render(view, { ...data, timeZone: services.config.timezone }), status as 200);
  const refuse = (c: Context, refusal: Refusal) =>
    refusal.refused === 'sign-in'
      ? render(c, 'sign-in-needed', { title: 'Sign in' }, 401)
      : render(c, 'not-found', { title: 'Not found' }, 404);
  /** Every route but the public ones is one of these: the check runs before the handler can. */
  const guard = {
    workspace:
      (handler: (c: Context, viewer: WebViewer) => Answer) =>
      async (c: Context): Promise<Response> => {
        const access = await authoriser.authorise(c);
        return 'refused' in access ? refuse(c, access) : handler(c, access.viewer);
      },
    incident:
      (handler: (c: Context, viewer: WebViewer, incident: IncidentState) => Answer) =>
      async (c: Context): Promise<Response> => {
        const access = await authoriser.authorise(c, c.req.param('number') ?? '');
        if ('refused' in access) return refuse(c, access);
        return access.incident ? handler(c, access.viewer, access.incident) : refuse(c, NOT_FOUND);
      },
  };

  routes.use('/web/*', ...webSecurityHeaders());
  routes.get('/web', (c) => c.redirect('/web/incidents', 303));
  routes.get(SIGN_IN_PATH, async (c) => {
    const viewer = await links.redeem(c.req.query(SIGN_IN_PARAM) ?? '');
    if (!viewer) return render(c, 'link-refused', { title: 'Sign-in link refused' }, 401);
    options.logger?.info(
      { platform: viewer.platform, workspace: viewer.workspace, user: viewer.actor.id },
      'web view sign-in',
    );
    setCookie(c, SESSION_COOKIE, await sessions.start(viewer), {
      httpOnly: true,
      secure: secureCookie,
      sameSite: 'Lax',
      path: '/web',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/web/incidents', 303);
  });
  registerStaticFiles(routes);

  routes.get(
    '/web/incidents',
    guard.workspace(async (c, viewer) => {
      const states = await workspaceStates(services.store, viewer);
      const visible = await visibleOnly(services.platforms, states, viewer.actor);
      const list = listView(
        visible,
        readFilters((name) => c.req.query(name)),
        services.clock.now(),
        services.config.timezone,
      );
      return render(c, 'list', { title: 'Incidents', viewer, list });
    }),
  );
  routes.get(
    '/web/incidents/:number',
    guard.incident(async (c, viewer, incident) => {
      const page = Number.parseInt(c.req.query('page') ?? '', 10);
      const view = await incidentView(services.store, incident, {
        page: Number.isFinite(page) ? page : undefined,
        timeZone: services.config.timezone,
        templates: services.postmortems.templateNames(),
      });
      return render(c, 'incident', { title: `${view.label} ${view.title}`, viewer, incident: view });
    }),
  );
  routes.get(
    '/web/incidents/:number/stream',
    guard.incident((c, _viewer, incident) =>
      timelineStream(c, incident, {
        store: services.store,
        redactor: services.redactor,
        timeZone: services.config.timezone,
        pollMs: options.pollMs ?? 500,
        lifetimeMs: 10 * 60_000,
      }),
    ),
  );
  routes.get(
    '/web/incidents/:number/drafts/:template',
    guard.incident(async (c, viewer, incident) => {
      const draft = await draftView(services, incident, c.req.param('template') ?? '');
      if (!draft) return refuse(c, NOT_FOUND);
      return render(c, 'draft', { title: `${draft.fileName}`, viewer, number: incident.number, draft });
    }),
  );
  routes.get(
    '/web/incidents/:number/drafts/:template/download',
    guard.incident(async (c, _viewer, incident) => {
      const draft = await draftView(services, incident, c.req.param('template') ?? '');
      if (!draft) return refuse(c, NOT_FOUND);
      return c.body(draft.content, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="${draft.fileName.replace(/[^\w.-]/g, '_')}"`,
      });
    }),
  );
  routes.get(
    '/web/stats',
    guard.workspace(async (c, viewer) => {
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
    }),
  );
  // A cross-site form cannot sign anyone out: SameSite=Lax keeps the cookie off its POST.
  routes.post(
    '/web/sign-out',
    guard.workspace(async (c) => {
      await sessions.end(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/web' });
      return render(c, 'signed-out', { title: 'Signed out' });
    }),
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
