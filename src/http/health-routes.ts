import type { ServerResponse } from 'node:http';
import type { PrometheusMetrics } from '../observability/metrics.ts';
import type { HttpRoute } from '../ports/http-route.ts';
import { requireBearer } from './bearer-guard.ts';
import { checkReadiness, type ReadinessSources } from './check-readiness.ts';

export interface HealthRouteOptions extends ReadinessSources {
  /** Without it /metrics is not served. */
  metrics?: PrometheusMetrics;
  /** METRICS_TOKEN: /metrics then answers 401 without `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/**
 * GET /healthz (the process answers), GET /readyz (it can take work: 503 with the reasons
 * otherwise) and GET /metrics (Prometheus text), all on the ops server (startHttpServer on
 * METRICS_HOST:METRICS_PORT), never on the public port Slack posts to. Probes stay open (load
 * balancers and Docker send no credentials); /metrics can ask for a bearer token.
 */
export function createHealthRoutes(options: HealthRouteOptions): HttpRoute[] {
  const routes: HttpRoute[] = [
    {
      path: '/healthz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: async (_req, res) => {
        const report = await checkReadiness(options);
        sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report });
      },
    },
  ];
  const { metrics } = options;
  if (metrics) {
    const route: HttpRoute = {
      path: '/metrics',
      method: 'GET',
      handler: async (_req, res) => {
        const { contentType, body } = await metrics.exposition();
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(body);
      },
    };
    routes.push(requireBearer(route, options.metricsToken));
  }
  return routes;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}
