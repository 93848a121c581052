import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import { createHealthRoutes } from '../../../src/http/health-routes.ts';
import { type HttpServerHandle, startHttpServer } from '../../../src/http/start-http-server.ts';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

/**
 * Health and metrics have their own server (METRICS_HOST:METRICS_PORT): on loopback unless an
 * operator opens it, and /metrics behind METRICS_TOKEN when one is set.
 */
let app: OpsApp | undefined;
let server: HttpServerHandle | undefined;
afterEach(async () => {
  await server?.close();
  await app?.dispose();
  server = undefined;
  app = undefined;
});

async function serveFrom(env: Record<string, string>): Promise<number> {
  const options = readEnvOptions({ METRICS_PORT: '0', ...env });
  app = createOpsApp();
  const routes = createHealthRoutes({
    redis: app.redis,
    workers: app.jobs,
    readiness: app.readiness,
    adapters: () => [],
    metrics: app.metrics,
    ...(options.ops.token ? { metricsToken: options.ops.token } : {}),
  });
  server = await startHttpServer(options.ops.port, routes, { host: options.ops.host });
  await app.redis.ping();
  return server.port;
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  return all.find((entry) => entry.family === 'IPv4' && !entry.internal)?.address;
}

/** Opens a TCP connection (on this machine; nothing leaves it) and says whether it was accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const scrape = (port: number, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/metrics`, { headers });

describe('the health and metrics server', () => {
  it('listens on 127.0.0.1 and port 9464 unless METRICS_HOST and METRICS_PORT say otherwise', () => {
    expect(readEnvOptions({}).ops).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(readEnvOptions({ METRICS_HOST: '0.0.0.0', METRICS_PORT: '9100' }).ops).toEqual({
      host: '0.0.0.0',
      port: 9100,
    });
  });

  it.skipIf(outsideAddress() === undefined)(
    "by default refuses connections on the machine's other addresses",
    async () => {
      const port = await serveFrom({});
      expect(await accepts('127.0.0.1', port)).toBe(true);
      expect(await accepts(outsideAddress() as string, port)).toBe(false);
    },
  );

  it('answers /metrics 401 without a bearer token when METRICS_TOKEN is set', async () => {
    const port = await serveFrom({ METRICS_TOKEN: 'scrape-me-7' });
    const answer = await scrape(port);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    expect(await answer.text()).not.toContain('tocsin_');
  });

  it('answers /metrics 401 to a wrong bearer token', async () => {
    const port = await serveFrom({ METRICS_TOKEN: 'scrape-me-7' });
    expect((await scrape(port, { authorization: 'Bearer scrape-me-8' })).status).toBe(401);
    expect((await scrape(port, { authorization: 'Basic scrape-me-7' })).status).toBe(401);
  });

  it('serves /metrics to the right bearer token', async () => {
    const port = await serveFrom({ METRICS_TOKEN: 'scrape-me-7' });
    const answer = await scrape(port, { authorization: 'Bearer scrape-me-7' });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('tocsin_commands_total');
  });

  it('keeps /healthz and /readyz open to probes, which send no token', async () => {
    const port = await serveFrom({ METRICS_TOKEN: 'scrape-me-7' });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect([health.status, ready.status]).toEqual([200, 200]);
  });

  it('serves /metrics without a token when METRICS_TOKEN is unset', async () => {
    const port = await serveFrom({});
    expect((await scrape(port)).status).toBe(200);
  });
});
