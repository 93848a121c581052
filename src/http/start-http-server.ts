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
  /** Interface to bind (METRICS_HOST for ops); all interfaces when absent, as Bolt does for Slack. */
  host?: string;
  logger?: Logger;
  /** What answers a request no route matches (the public surface); a plain 404 without it. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Names the server in the log line. */
  name?: string;
}

/**
 * A plain HTTP server over a route list. The ops server (health and metrics) uses it on its own
 * port and interface, apart from the public port, so neither the internet nor a proxy reaches them;
 * the public server uses it with the public surface as its fallback.
 */
export async function startHttpServer(
  port: number,
  routes: readonly HttpRoute[],
  options: HttpServerOptions,
): Promise<HttpServerHandle> {
  const server = createServer((req, res) => {
    void dispatch(routes, req, res, options.fallback).catch((error: unknown) => {
      options.logger?.error({ err: error, path: req.url }, 'http route failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    });
  });
  // Probes open a connection per request; idle keep-alive sockets must not hold up a shutdown.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      server.off('error', reject);
      resolve();
    };
    if (options.host === undefined) server.listen(port, ready);
    else server.listen(port, options.host, ready);
  });
  const bound = (server.address() as AddressInfo).port;
  options.logger?.info(
    { host: options.host, port: bound },
    `${options.name ?? 'health and metrics'} server listening`,
  );
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
  fallback?: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const matching = routes.filter((route) => route.path === path);
  const route = matching.find((candidate) => methodsOf(candidate).includes(method));
  if (route) {
    await route.handler(req, res);
    return;
  }
  if (fallback && matching.length === 0) {
    fallback(req, res);
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
