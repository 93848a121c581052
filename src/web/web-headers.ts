import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { WEB_TEMPLATES_DIR } from './web-views.ts';

/**
 * The headers of every web view answer: a CSP that lets in only the bot's own script and style
 * files (no inline script, no other origin), no Referer (the sign-in code is in a URL), no caching.
 */
export function webSecurityHeaders(): MiddlewareHandler[] {
  return [
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
      referrerPolicy: 'no-referrer',
    }),
    async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    },
  ];
}

const STATIC_FILES: Record<string, string> = { 'web.js': 'text/javascript', 'web.css': 'text/css' };
export const STATIC_ROUTE = '/web/static/:file';

/** The script and style sheet, read once; nothing else under /web/static exists. */
export function registerStaticFiles(routes: Hono): void {
  const files = new Map(
    Object.entries(STATIC_FILES).map(([name, type]) => [
      name,
      { type, body: readFileSync(join(WEB_TEMPLATES_DIR, 'static', name), 'utf8') },
    ]),
  );
  routes.get(STATIC_ROUTE, (c) => {
    const file = files.get(c.req.param('file') ?? '');
    if (!file) return c.text('not found\n', 404);
    return c.body(file.body, 200, {
      'Content-Type': `${file.type}; charset=utf-8`,
      'Cache-Control': 'max-age=300',
    });
  });
}
