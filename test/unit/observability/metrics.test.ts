import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/observability/metrics.ts';
import { appended, incident, paged } from './incident-fixtures.ts';

async function text(metrics: ReturnType<typeof createMetrics>): Promise<string> {
  return (await metrics.exposition()).body;
}

describe('prometheus metrics', () => {
  it('counts commands by name and outcome through the core observer', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const observer = metrics.commandObserver();
    observer.onCommand?.('note', 'ok', 12);
    observer.onCommand?.('note', 'ok', 8);
    observer.onCommand?.('sev', 'user_error', 3);
    const body = await text(metrics);
    expect(body).toContain('tocsin_commands_total{command="note",outcome="ok"} 2');
    expect(body).toContain('tocsin_commands_total{command="sev",outcome="user_error"} 1');
    expect(body).toContain('tocsin_command_duration_seconds_count{command="note"} 2');
  });

  it("keeps its metrics in its own registry, not in prom-client's global one", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.commandHandled('list', 'ok', 0.01);
    expect(await register.metrics()).not.toContain('tocsin_');
    expect(createMetrics({ defaultMetrics: false }).registry).not.toBe(metrics.registry);
  });

  it('puts time to acknowledge and time to resolve in per-severity histograms', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const before = incident('2025-11-20T10:00:00.000Z', 'SEV1', [paged('2025-11-20T10:00:30.000Z')]);
    metrics.incidentEventsAppended(before, [
      appended('2025-11-20T10:04:00.000Z', { type: 'acknowledged', pageIds: ['p1'] }),
    ]);
    metrics.incidentEventsAppended(before, [appended('2025-11-20T12:00:00.000Z', { type: 'resolved' })]);
    const body = await text(metrics);
    expect(body).toContain('tocsin_mtta_seconds_sum{severity="SEV1"} 240');
    expect(body).toContain('tocsin_mtta_seconds_bucket{le="300",severity="SEV1"} 1');
    expect(body).toContain('tocsin_mttr_seconds_sum{severity="SEV1"} 7200');
  });

  it('exposes pages by pager, escalations, captured messages and ack latency', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.pageSent('pagerduty');
    metrics.pageFailed('opsgenie');
    metrics.escalationFired();
    metrics.messageCaptured('slack');
    metrics.observeAckLatency('slack', 0.2);
    const body = await text(metrics);
    expect(body).toContain('tocsin_pages_sent_total{pager="pagerduty"} 1');
    expect(body).toContain('tocsin_pages_failed_total{pager="opsgenie"} 1');
    expect(body).toContain('tocsin_escalations_fired_total 1');
    expect(body).toContain('tocsin_messages_captured_total{platform="slack"} 1');
    expect(body).toContain('tocsin_ack_latency_seconds_bucket{le="0.25",platform="slack"} 1');
  });

  it('serves the Prometheus text format', async () => {
    expect((await createMetrics({ defaultMetrics: false }).exposition()).contentType).toMatch(
      /^text\/plain; version=0\.0\.4/,
    );
  });
});
