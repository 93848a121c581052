import { afterEach, describe, expect, it } from 'vitest';
import { createHealthRoutes } from '../../../src/http/health-routes.ts';
import { type HttpServerHandle, startHttpServer } from '../../../src/http/start-http-server.ts';
import { httpGet } from '../../integration/operations/support/http-get.ts';
import { createOpsApp, type OpsApp } from '../../integration/operations/support/ops-app.ts';
import { PrivateRedis } from './support/private-redis.ts';
import { waitFor } from './support/wait-for.ts';

let redis: PrivateRedis | undefined;
let app: OpsApp | undefined;
let server: HttpServerHandle | undefined;
afterEach(async () => {
  await server?.close();
  await redis?.restart();
  await app?.dispose();
  await redis?.destroy();
});

describe('health endpoints while redis-server is down', () => {
  it('/readyz says Redis is unreachable, /healthz and /metrics still answer, and all recover with Redis', async () => {
    redis = await PrivateRedis.start();
    app = createOpsApp({ redisUrl: redis.url });
    await app.declare('checkout errors', 'sev1');
    server = await startHttpServer(
      0,
      createHealthRoutes({
        redis: app.redis,
        workers: app.jobs,
        readiness: app.readiness,
        adapters: () => [],
        metrics: app.metrics,
      }),
      { host: '127.0.0.1' },
    );
    const port = server.port;
    expect((await httpGet(port, '/readyz')).status).toBe(200);

    await redis.stop();
    await waitFor(() => app?.redis.status !== 'ready', 'the client to notice');
    const down = await httpGet(port, '/readyz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body).reasons[0]).toMatch(/^redis is unreachable/);
    expect((await httpGet(port, '/healthz')).status).toBe(200);
    const metrics = await httpGet(port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/tocsin_metrics_collect_errors_total\{source="open_incidents"\} [1-9]/);

    await redis.restart();
    await waitFor(async () => (await httpGet(port, '/readyz')).status === 200, '/readyz to recover');
    expect((await httpGet(port, '/metrics')).body).toContain('tocsin_open_incidents{severity="SEV1"} 1');
  }, 30_000);
});
