import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { draftOf } from '../../fixtures/seeds/replay-seed.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

const TEMPLATES = ['sre', 'report', 'public'];
const AWS_KEY = `AKIA${'IOSFODNN7'}EXAMPLE`;

function secretsOf(samples: typeof SECRET_SAMPLES): string[] {
  return samples.flatMap((sample) => [sample.secret, ...sample.companions.map((c) => c.secret)]);
}

describe('secrets typed during an incident', () => {
  it('never reach a draft, whichever template, even with the full transcript', async () => {
    session = createConsoleSession({ config: testConfig({ postmortem: { include_transcript: true } }) });
    await session.type('/clock 2025-11-20 10:00 UTC', '/as alice', '/incident start sev2 checkout errors');
    const typed = SECRET_SAMPLES.filter((sample) => !sample.line.includes('\n'));
    // Each one said in chat, and the signal-bearing ones become suggested timeline lines too.
    await session.type(
      ...typed.map((sample, i) => (i % 2 === 0 ? sample.line : `restarted it, ${sample.line}`)),
    );
    // Pasted secrets span lines too; the console is line by line, so these come through the core.
    for (const [i, sample] of SECRET_SAMPLES.filter((s) => s.line.includes('\n')).entries()) {
      await session.app.core.process({
        kind: 'message',
        messageId: `multi-${i}`,
        text: sample.line,
        occurredAt: session.clock.now(),
        context: {
          platform: 'console',
          workspace: 'local',
          channel: 'inc-1-checkout-errors',
          actor: { id: 'bob', name: 'bob' },
        },
      });
    }
    await session.type(
      `/incident note 09:55 found ${AWS_KEY} in the deploy log`,
      `/incident status identified the CI token ${typed[20]?.secret} leaked`,
      `/incident action rotate ${typed[25]?.secret} @alice priority high`,
      `/incident resolve rotated ${typed[30]?.secret}`,
    );
    const secrets = secretsOf(SECRET_SAMPLES);
    expect(secrets.length).toBeGreaterThanOrEqual(40);
    for (const template of TEMPLATES) {
      const { draft, reply } = await draftOf(session, template);
      for (const secret of secrets) {
        expect(draft, `${template} leaks ${secret}`).not.toContain(secret);
        expect(reply).not.toContain(secret);
      }
      if (template !== 'public') expect(draft).toContain('found [REDACTED:aws-access-key] in the deploy log');
    }
    const { draft } = await draftOf(session, 'report');
    expect(draft).toMatch(/Secrets redacted: [1-9]\d+/);
  });

  it('never reach the draft file name', async () => {
    session = createConsoleSession();
    await session.type('/clock 2025-11-20 10:00 UTC', `/incident start sev2 leaked ${AWS_KEY}`);
    const { path, draft } = await draftOf(session);
    expect(path.toLowerCase()).not.toContain(AWS_KEY.toLowerCase());
    expect(readdirSync(session.app.postmortemDir)).toHaveLength(1);
    expect(draft).toContain('# Post-Incident Report: leaked [REDACTED:aws-access-key]');
  });

  it('include what the configured extra patterns match', async () => {
    session = createConsoleSession({
      config: testConfig({ redaction: { extra_patterns: ['CUST-\\d{6}'] } }),
    });
    await session.type(
      '/clock 2025-11-20 10:00 UTC',
      '/incident start sev2 checkout errors',
      '/incident note CUST-004711 cannot pay',
    );
    const { draft } = await draftOf(session, 'sre');
    expect(draft).not.toContain('CUST-004711');
    expect(draft).toContain('[REDACTED:custom-1] cannot pay');
  });
});
