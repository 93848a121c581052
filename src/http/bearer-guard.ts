import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HttpRoute } from '../ports/http-route.ts';

/** Compared as SHA-256 digests: equal lengths for timingSafeEqual, and no early exit on a prefix. */
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

/**
 * The route, answering 401 unless the request carries `Authorization: Bearer <token>`. Without a
 * token the route is returned as it is: the loopback binding is then its only protection.
 */
export function requireBearer(route: HttpRoute, token: string | undefined): HttpRoute {
  if (token === undefined || token === '') return route;
  return {
    ...route,
    handler: async (req, res) => {
      if (!hasBearer(req, token)) {
        res.writeHead(401, {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer realm="tocsin metrics"',
          'cache-control': 'no-store',
        });
        res.end('unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
      await route.handler(req, res);
    },
  };
}
