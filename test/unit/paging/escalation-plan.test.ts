import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/config-schema.ts';
import { durationText } from '../../../src/core/policy/describe-wait.ts';
import { parseDuration } from '../../../src/core/policy/duration.ts';
import { firstStep, manualPlan, nextStep, policyPlan } from '../../../src/paging/escalation-plan.ts';
import { parseTarget } from '../../../src/paging/page-targets.ts';
import { pagingJobId } from '../../../src/paging/paging-job-ids.ts';
import { policyFor } from '../../../src/paging/severity-policy.ts';

const REF = { platform: 'slack', workspace: 'T1', number: 4 };

const config = configSchema.parse({
  schedules: [
    {
      id: 'platform',
      timezone: 'UTC',
      layers: [
        { name: 'primary', rotation: 'daily', handoff: '09:00', start: '2025-01-06', members: ['U1'] },
        { name: 'secondary', rotation: 'daily', handoff: '09:00', start: '2025-01-06', members: ['U2'] },
      ],
    },
  ],
  pagers: [{ id: 'ops-hook', type: 'webhook', url: 'https://hooks.example.com', secret: 's' }],
  severities: [
    { id: 'SEV1', page: ['ops-hook', 'platform'], escalate_if_unacked: '5m' },
    {
      id: 'SEV2',
      page: ['platform'],
      escalation: {
        steps: [
          { wait: '5m', targets: ['platform:secondary'] },
          { wait: '10m', targets: ['ops-hook'] },
        ],
        repeat: 1,
      },
    },
  ],
});

describe('escalate_if_unacked', () => {
  it('is one step to the same targets plus the next layer of each paged schedule', () => {
    expect(policyPlan(policyFor(config.severities, 'SEV1'), config)).toEqual({
      steps: [{ waitMs: 300_000, targets: ['ops-hook', 'platform', 'platform:secondary'] }],
      repeat: 0,
    });
  });

  it('escalates a manual page of a schedule to its next layer too', () => {
    const target = parseTarget('platform', config);
    if (typeof target === 'string') throw new Error(target);
    expect(manualPlan(policyFor(config.severities, 'SEV1'), target, config)?.steps[0]?.targets).toEqual([
      'platform',
      'platform:secondary',
    ]);
  });

  it('gives no chain to a severity without escalation', () => {
    expect(policyPlan(policyFor(config.severities, 'SEV3'), config)).toBeUndefined();
  });
});

describe('walking a chain', () => {
  it('goes step by step, repeats the whole chain, then stops', () => {
    const plan = policyPlan(policyFor(config.severities, 'SEV2'), config);
    if (!plan) throw new Error('SEV2 has a chain');
    let planned = firstStep(REF, 'r1', 'policy', 'SEV2', plan);
    const walked: string[] = [];
    while (planned) {
      walked.push(`${planned.job.round}.${planned.job.step} after ${planned.delayMs / 60_000}m`);
      planned = nextStep(planned.job);
    }
    expect(walked).toEqual(['0.1 after 5m', '0.2 after 10m', '1.1 after 5m', '1.2 after 10m']);
  });

  it('names each step job by incident, chain, step and attempt', () => {
    expect(pagingJobId.step(REF, 'r1', 2, 1)).toBe('escalation-step|slack:T1:INC-4|r1|2|1');
    expect(pagingJobId.step(REF, 'r1', 2, 1)).toBe(pagingJobId.step({ ...REF }, 'r1', 2, 1));
  });
});

describe('durations on buttons', () => {
  it('are written so the config parser reads them back', () => {
    for (const ms of [1_000, 90_000, 3_600_000, 5_400_000, 2 * 86_400_000 + 60_000]) {
      expect(parseDuration(durationText(ms))).toBe(ms);
    }
    expect(durationText(5_400_000)).toBe('1h30m');
  });
});
