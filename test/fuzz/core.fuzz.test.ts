import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundContext } from '../../src/core/inbound-event.ts';
import { foldIncident } from '../../src/core/model/incident-state.ts';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.ts';
import { commandLine, hiddenCharacterIn } from './command-line-arbitraries.ts';

/*
 * Random command lines through IncidentCore on the real Redis, with the job workers running, in a
 * workspace with open incidents, from odd display names. 10,000 lines took about 6 s on a 2-core
 * machine at load 4 (most are refusals, which cost one Redis round trip); the 50 s timeout fails
 * the file rather than let it run past a minute. TOCSIN_CORE_FUZZ_RUNS changes the count.
 */
const CORE_RUNS = Number(process.env.TOCSIN_CORE_FUZZ_RUNS ?? 10_000);
const SEED = 20_251_121;
const WORKSPACE = { platform: 'console', workspace: 'local' };

let app: TestApp;
let incidentChannel: string;
/** Answers by outcome, so a fuzz that only ever hits refusals would show (and fail). */
const outcomes = { answered: 0, refused: 0 };

beforeAll(async () => {
  // The fuzz declares hundreds of incidents as one person: the declare and page limits would refuse most.
  app = createTestApp({
    config: testConfig({ rate_limits: { declare_per_user: 0, page_per_user: 0, page_per_workspace: 0 } }),
  });
  await app.core.process({
    kind: 'command',
    text: 'start sev2 checkout errors',
    context: context('general'),
  });
  await app.jobs.settle();
  const declared = await app.store.state({ ...WORKSPACE, number: 1 });
  incidentChannel = declared?.channel?.id as string;
  expect(incidentChannel).toBeTruthy();
});

afterAll(async () => {
  await app?.dispose();
});

function context(channel: string, name = 'alice'): InboundContext {
  return { ...WORKSPACE, channel, actor: { id: 'U1', name } };
}

const where = fc.constantFrom('incident', 'incident', 'general', 'elsewhere');
const actorName = fc.constantFrom('alice', 'bob', 'E\u202Eve', '\u200F', 'sam\u200D', 'Zoë 👩‍💻');

describe(`${CORE_RUNS} random command lines through the core on real Redis`, () => {
  it('answers each with a reply and never throws; every refusal is a user error showing the usage', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, where, actorName, async (line, place, name) => {
        const channel = place === 'incident' ? incidentChannel : place;
        const reply = await app.core.process({
          kind: 'command',
          text: line,
          context: context(channel, name),
        });
        expect(reply).toBeDefined();
        outcomes[reply?.error ? 'refused' : 'answered'] += 1;
        if (reply?.error) {
          expect(reply.error.kind).toBe('user-error');
          expect(reply.text).toContain('\nUsage: /incident ');
        }
        expect(hiddenCharacterIn(reply?.text ?? '')).toBeUndefined();
      }),
      { numRuns: CORE_RUNS, seed: SEED },
    );
  }, 50_000);

  it('gets past the grammar often enough to exercise the commands, not only the refusals', () => {
    console.info(`core fuzz outcomes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.answered).toBeGreaterThan(CORE_RUNS / 10);
  });

  it('leaves every incident log readable: a fresh fold equals the live state', async () => {
    await app.jobs.settle();
    const refs = await app.store.allIncidents(WORKSPACE);
    expect(refs.length).toBeGreaterThan(0);
    console.info(`core fuzz incidents: ${refs.length}`);
    for (const ref of refs) {
      const live = await app.store.state(ref);
      expect(live).toBeDefined();
      const fresh = live && foldIncident(live.ref, await app.store.read(ref));
      expect(fresh).toEqual(live);
    }
  });

  it('still answers the timeline of the incident it fuzzed', async () => {
    const reply = await app.core.process({
      kind: 'command',
      text: 'timeline',
      context: context(incidentChannel),
    });
    expect(reply?.error).toBeUndefined();
    expect(reply?.text).toMatch(/^Timeline of INC-1/);
  });
});
