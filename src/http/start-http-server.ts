import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/create-logger.ts';
import type { HttpRoute } from '../ports/http-route.ts';

export interface HttpServerHandle {
  /** The bound port (useful when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  /** Interface to bind (METRICS_HOST): loopback unless an operator opens it on purpose. */
  host: string;
  logger?: Logger;
}

/**
 * The ops server: health and metrics on their own port and interface, apart from the public port
 * Slack posts to, so neither the internet nor a Slack-facing proxy reaches them.
 */
export async function startHttpServer(
  port: number,
  routes: readonly HttpRoute[],
  options: HttpServerOptions,
): Promise<HttpServerHandle> {
  const server = createServer((req, res) => {
    void dispatch(routes, req, res).catch((error: unknown) => {
      options.logger?.error({ err: error, path: req.url }, 'http route failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    });
  });
  // Probes open a connection per request; idle keep-alive sockets must not hold up a shutdown.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  options.logger?.info({ host: options.host, port: bound }, 'health and metrics server listening');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function dispatch(
  routes: readonly HttpRoute[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const matching = routes.filter((route) => route.path === path);
  const route = matching.find((candidate) => methodsOf(candidate).includes(method));
  if (route) {
    await route.handler(req, res);
    return;
  }
  if (matching.length > 0) {
    res.writeHead(405, { allow: matching.flatMap(methodsOf).join(', '), 'content-type': 'text/plain' });
    res.end('method not allowed\n');
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found\n');
}

function methodsOf(route: HttpRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((method) => method.toUpperCase());
}
