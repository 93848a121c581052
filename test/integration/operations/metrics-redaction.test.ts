import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { asTitle, leakedSamples } from '../../support/secret-leaks.ts';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

/**
 * Metric labels are a closed set (command names, outcomes, platforms, pager ids, severities), so
 * nothing a person typed becomes a label, and Prometheus never stores a secret.
 */
let app: OpsApp;
beforeAll(async () => {
  // One person declares an incident per secret: more than the declare rate limit allows.
  app = createOpsApp({ config: { rate_limits: { declare_per_user: 0 } } });
  for (const sample of SECRET_SAMPLES) {
    const { channel } = await app.declare(asTitle(sample.line).slice(0, 150));
    await app.command(`note ${sample.line}`, { channel });
    await app.command(`${asTitle(sample.line)}`, { channel });
    await app.message(sample.line, channel, `m-${sample.label}`);
  }
}, 120_000);
afterAll(async () => app?.dispose());

describe('the /metrics exposition after commands full of secrets', () => {
  it('counted every command and message', async () => {
    const { body } = await app.metrics.exposition();
    expect(body).toContain(`tocsin_messages_captured_total{platform="console"} ${SECRET_SAMPLES.length}`);
    expect(body).toContain(`tocsin_commands_total{command="note",outcome="ok"} ${SECRET_SAMPLES.length}`);
  });

  it('carries none of the secrets in a label or anywhere else', async () => {
    const { body } = await app.metrics.exposition();
    expect(leakedSamples([body], SECRET_SAMPLES)).toEqual([]);
  });
});
