import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHealthRoutes } from '../../../src/http/health-routes.ts';
import { type HttpServerHandle, startHttpServer } from '../../../src/http/start-http-server.ts';
import type { RunningAdapter } from '../../../src/ports/running-adapter.ts';
import { httpGet } from './support/http-get.ts';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

let app: OpsApp | undefined;
let server: HttpServerHandle | undefined;
afterEach(async () => {
  await server?.close();
  await app?.dispose();
  server = undefined;
  app = undefined;
});

function adapter(name: string, ready: () => boolean): RunningAdapter {
  return { name, isReady: ready, stop: async () => {} };
}

async function serve(options: { startWorkers?: boolean; adapters?: RunningAdapter[] } = {}) {
  app = createOpsApp({ startWorkers: options.startWorkers ?? true });
  const routes = createHealthRoutes({
    redis: app.redis,
    workers: app.jobs,
    readiness: app.readiness,
    adapters: () => options.adapters ?? [],
    metrics: app.metrics,
  });
  server = await startHttpServer(0, routes, { host: '127.0.0.1' });
  await app.redis.ping();
  return { app, port: server.port };
}

describe('GET /healthz', () => {
  it('answers 200 while the process is alive, even when it is not ready', async () => {
    const { port } = await serve({ startWorkers: false });
    const response = await httpGet(port, '/healthz');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });
});

describe('GET /readyz', () => {
  it('is 200 when Redis answers, the workers run, every adapter is connected and backfill is done', async () => {
    const { port } = await serve({
      adapters: [adapter('slack', () => true), adapter('discord', () => true)],
    });
    const response = await httpGet(port, '/readyz');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 'ready',
      checks: { redis: true, workers: true, 'adapter:slack': true, 'adapter:discord': true, startup: true },
      reasons: [],
    });
  });

  it('is 503 naming the workers while they are not running', async () => {
    const { port } = await serve({ startWorkers: false });
    const response = await httpGet(port, '/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).reasons).toEqual(['job workers are not running']);
  });

  it('is 503 naming a platform that is not connected, and 200 once it is', async () => {
    let connected = false;
    const { port } = await serve({ adapters: [adapter('discord', () => connected)] });
    const before = await httpGet(port, '/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body).reasons).toEqual(['discord is not connected']);
    connected = true;
    expect((await httpGet(port, '/readyz')).status).toBe(200);
  });

  it('is 503 until the startup backfill has finished', async () => {
    const { app: running, port } = await serve();
    const done = running.readiness.startTask('slack backfill');
    const before = await httpGet(port, '/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body).reasons).toEqual(['slack backfill has not finished']);
    done();
    expect((await httpGet(port, '/readyz')).status).toBe(200);
  });

  it('is 503 "shutting down" once a shutdown has begun', async () => {
    const { app: running, port } = await serve();
    running.readiness.markStopping();
    const response = await httpGet(port, '/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).reasons).toContain('shutting down');
  });
});

describe('GET /metrics', () => {
  it('serves command counts, open incidents by severity and queue depth of the live app', async () => {
    const { app: running, port } = await serve();
    const { channel } = await running.declare('checkout errors', 'sev2');
    await running.command('note rolled back', { channel });
    await running.command('note', { channel });
    await running.message('hello', channel, 'm1');
    const response = await httpGet(port, '/metrics');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/plain/);
    expect(response.body).toContain('tocsin_commands_total{command="start",outcome="ok"} 1');
    expect(response.body).toContain('tocsin_commands_total{command="note",outcome="ok"} 1');
    expect(response.body).toContain('tocsin_commands_total{command="note",outcome="user_error"} 1');
    expect(response.body).toContain('tocsin_messages_captured_total{platform="console"} 1');
    expect(response.body).toContain('tocsin_open_incidents{severity="SEV2"} 1');
    expect(response.body).toContain('tocsin_open_incidents{severity="SEV1"} 0');
    expect(response.body).toMatch(/tocsin_queue_depth\{state="waiting"\} \d+/);
    expect(response.body).toContain('tocsin_queue_failed_jobs 0');
  });

  it('counts an incident as open no more once it is resolved, and observes its time to resolve', async () => {
    const { app: running, port } = await serve();
    const { channel } = await running.declare('db down', 'sev1');
    await running.command('resolve fixed', { channel });
    await running.jobs.settle();
    const body = (await httpGet(port, '/metrics')).body;
    expect(body).toContain('tocsin_open_incidents{severity="SEV1"} 0');
    expect(body).toContain('tocsin_mttr_seconds_count{severity="SEV1"} 1');
  });

  it('moves an open incident to its new severity, and back into the count when reopened', async () => {
    const { app: running, port } = await serve();
    const { channel } = await running.declare('db down', 'sev2');
    await running.command('sev sev1 spreading', { channel });
    await running.jobs.settle();
    const raised = (await httpGet(port, '/metrics')).body;
    expect(raised).toContain('tocsin_open_incidents{severity="SEV1"} 1');
    expect(raised).toContain('tocsin_open_incidents{severity="SEV2"} 0');
    await running.command('resolve fixed', { channel });
    await running.command('reopen', { channel });
    await running.jobs.settle();
    expect((await httpGet(port, '/metrics')).body).toContain('tocsin_open_incidents{severity="SEV1"} 1');
  });

  it('answers a scrape without reading any incident', async () => {
    const { app: running, port } = await serve();
    await running.declare('db down', 'sev1');
    await running.declare('api slow', 'sev3');
    const state = vi.spyOn(running.store, 'state');
    const body = (await httpGet(port, '/metrics')).body;
    expect(body).toContain('tocsin_open_incidents{severity="SEV1"} 1');
    expect(body).toContain('tocsin_open_incidents{severity="SEV3"} 1');
    expect(state).not.toHaveBeenCalled();
  });

  it('observes the time to acknowledge when a page is acknowledged', async () => {
    const { app: running, port } = await serve();
    const { channel } = await running.declare('db down', 'sev1');
    await running.command('page @sam', { channel });
    await running.command('ack', { channel, actor: 'sam' });
    expect((await httpGet(port, '/metrics')).body).toContain('tocsin_mtta_seconds_count{severity="SEV1"} 1');
  });
});

describe('GET /metrics, queue gauges', () => {
  it('shows jobs waiting for a worker on the first scrape after they were queued', async () => {
    const { app: running, port } = await serve({ startWorkers: false });
    await running.jobs.enqueue('refresh-summary', {}, { jobId: 'a' });
    await running.jobs.enqueue('refresh-summary', {}, { jobId: 'b', delayMs: 60_000 });
    const body = (await httpGet(port, '/metrics')).body;
    expect(body).toContain('tocsin_queue_depth{state="waiting"} 1');
    expect(body).toContain('tocsin_queue_depth{state="delayed"} 1');
    expect(body).toContain('tocsin_queue_failed_jobs 0');
  });
});

describe('the standalone HTTP server', () => {
  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    const { port } = await serve();
    expect((await httpGet(port, '/nope')).status).toBe(404);
    const wrong = await httpGet(port, '/metrics', 'POST');
    expect(wrong.status).toBe(405);
  });
});
