import type { Context, Hono } from 'hono';
import type { AppServices } from '../app/app-services.ts';
import { readPublicStatus } from './public-status.ts';
import type { PublicStatusIndex } from './public-status-index.ts';
import { renderStatusPage } from './status-html.ts';

/**
 * tocsin's own public status page, for everyone (no sign-in): Statuspage-v2-compatible
 * `/status/summary.json` and `/status/incidents.json`, and `/status` as HTML. Only what was
 * published with `/incident status <state> --public` shows, redacted.
 */
export function registerStatusRoutes(routes: Hono, services: AppServices, index: PublicStatusIndex): void {
  const read = (c: Context) =>
    readPublicStatus({
      store: services.store,
      index,
      redactor: services.redactor,
      name: services.config.status_page.name,
      url: new URL('/status', c.req.url).toString(),
      now: services.clock.now(),
    });
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-cache' };
  routes.get('/status/summary.json', async (c) => {
    const status = await read(c);
    return c.json(
      {
        page: status.page,
        components: [],
        incidents: status.unresolved,
        scheduled_maintenances: [],
        status: status.status,
      },
      200,
      headers,
    );
  });
  routes.get('/status/incidents.json', async (c) => {
    const status = await read(c);
    return c.json({ page: status.page, incidents: status.incidents }, 200, headers);
  });
  routes.get('/status', async (c) =>
    c.html(renderStatusPage(await read(c)), 200, { 'cache-control': 'no-cache' }),
  );
}
