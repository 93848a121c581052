import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from '../logging/create-logger.ts';
import type { HttpRoute } from '../ports/http-route.ts';

/**
 * Everything tocsin serves on the public PORT besides Slack's own endpoint: the web view, the
 * follow-up webhooks and the status page. Features add their routes to `routes` (a Hono app);
 * tests can call `routes.request(...)` without a socket. In Slack HTTP mode Bolt owns the port and
 * hands it every request that is not `/slack/events`; otherwise tocsin's own server does.
 */
export interface PublicHttp {
  readonly routes: Hono;
  /** Node's request listener for the routes. */
  listener(req: IncomingMessage, res: ServerResponse): void;
  /** The catch-all Bolt custom route that forwards to the listener. */
  asBoltRoute(): HttpRoute;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function createPublicHttp(logger?: Logger): PublicHttp {
  const routes = new Hono();
  routes.notFound((c) => c.text('not found\n', 404));
  routes.onError((error, c) => {
    logger?.error({ err: error, path: c.req.path }, 'public http route failed');
    return c.text('internal error\n', 500);
  });
  // Built on first use, so routes added after creation (by features, by tests) are all served.
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle ??= getRequestListener(routes.fetch);
    void handle(req, res);
  };
  return {
    routes,
    listener,
    // path-to-regexp 8 (Bolt's matcher): `/{*rest}` matches every path, the root included.
    asBoltRoute: () => ({ path: '/{*rest}', method: METHODS, handler: listener }),
  };
}
