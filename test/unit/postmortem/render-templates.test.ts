import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SystemError } from '../../../src/core/errors.ts';
import { buildPostmortemModel } from '../../../src/postmortem/build-postmortem-model.ts';
import { renderDraft } from '../../../src/postmortem/render-draft.ts';
import { BUILTIN_TEMPLATES_DIR } from '../../../src/postmortem/template-catalog.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';
import { IncidentLog, REF } from './incident-log.ts';

const TEMPLATES = ['sre', 'report', 'public'] as const;

function source(name: string): string {
  return readFileSync(join(BUILTIN_TEMPLATES_DIR, `${name}.md.eta`), 'utf8');
}

async function render(log: IncidentLog, template: string, includeTranscript = false): Promise<string> {
  const { model } = await buildPostmortemModel(REF, log.pages(), {
    timeZone: 'UTC',
    now: new Date('2025-11-21T09:00:00.000Z'),
    redactor: createRedactor(),
    includeTranscript,
  });
  return renderDraft(source(template), model, template);
}

function deploymentOutage(): IncidentLog {
  return new IncidentLog('2022-11-30T09:50:00.000Z')
    .as('david')
    .declare('Reference server down after deployment', 'SEV1')
    .note('Start the deployment which is not successful.', '09:49')
    .page('eduardo', 'p1', 'maintenance page everywhere')
    .say('the deploy script failed, see https://grafana.example.com/d/obs/api', {
      id: 'm1',
      permalink: 'https://chat.example/archives/C1/p1',
    })
    .say('anyone else seeing this?', { id: 'm2' })
    .at('09:52')
    .as('eduardo')
    .ack('p1')
    .at('09:58')
    .status('identified', 'obs-api was upgraded without the ruby packages it needs')
    .at('10:03')
    .note('Restart the affected services. OBS is back.')
    .status('monitoring', 'back to normal, @david watching https://grafana.internal/d/x')
    .at('10:10')
    .as('david')
    .resolve('Updated the ruby packages.')
    .action('Deploy script alerts on other packages', {
      owner: 'david',
      priority: 'high',
      due: '2022-12-15',
    });
}

/** The cells of a GFM table row: pipes that no backslash escapes separate them. */
function cellCount(row: string): number {
  return row.split(/(?<!\\)\|/).length - 2;
}

/** Runs of consecutive table lines. */
function tables(draft: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of [...draft.split('\n'), '']) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

const SECTIONS: Record<(typeof TEMPLATES)[number], string[]> = {
  sre: [
    '## Summary',
    '## Impact',
    '## Root Causes',
    '## Trigger',
    '## Detection',
    '## Resolution',
    '## Action Items',
    '## Lessons Learned',
    '### What Went Well?',
    '### What Went Wrong?',
    '### Where We Got Lucky',
    '## Timeline',
  ],
  report: [
    '# Post-Incident Report: ',
    '- **Date**: 2022-11-30',
    '- **Severity**: SEV1',
    '- **Duration**: 00:21',
    '- **Author**: david',
    '## Incident Summary',
    '## Timeline (UTC)',
    '| Time | T+ | Who | Event |',
    '## Root Cause',
    '## Resolution',
    '## Impact',
    '- **Users affected**',
    '- **Data lost**',
    '- **Downtime**: 21m',
    '## Action Items',
    '| Action | Owner | Due Date | Priority | Status |',
    '## Lessons Learned',
  ],
  public: [
    '## What happened',
    '## When',
    '## What you may have noticed',
    '## Updates',
    '## What we are doing',
  ],
};

describe.each(TEMPLATES)('the %s template', (template) => {
  it('has every section of its shape', async () => {
    const draft = await render(deploymentOutage(), template);
    for (const section of SECTIONS[template]) expect(draft).toContain(section);
  });

  it('renders an empty incident without gaps', async () => {
    const log = new IncidentLog('2025-11-20T15:33:00.000Z').declare('Blip').resolve();
    const draft = await render(log, template);
    expect(draft).not.toMatch(/undefined|NaN|\[object Object\]/);
    for (const section of SECTIONS[template].filter((s) => s.startsWith('#')))
      expect(draft).toContain(section);
  });

  it('renders an incident that is still open', async () => {
    const log = new IncidentLog('2025-11-20T15:33:00.000Z')
      .declare('Still burning')
      .at('15:40')
      .note('looking');
    const draft = await render(log, template);
    expect(draft).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(draft).toMatch(/ongoing|not yet|since/i);
  });

  it('cannot be broken by Markdown or HTML typed into the incident', async () => {
    const log = deploymentOutage()
      .note('| forged | row |\n<script>alert(1)</script>')
      .status('monitoring', '<img src=x onerror=alert(1)> [click](javascript:alert(1))')
      .action('fix | it\n# now', { owner: 'david' });
    const draft = await render(log, template);
    expect(draft).not.toMatch(/<(script|img)/i);
    expect(draft).not.toMatch(/(?<!\\)\]\(javascript/);
    for (const table of tables(draft)) {
      const width = cellCount(table[0] as string);
      for (const row of table) expect(cellCount(row), row).toBe(width);
    }
    expect(draft).not.toMatch(/^\| forged/m);
  });
});

describe('the team templates (sre, report)', () => {
  it.each(['sre', 'report'])('%s shows every timeline row at its time', async (template) => {
    const draft = await render(deploymentOutage(), template);
    for (const [time, text] of [
      ['09:49 UTC', 'Start the deployment which is not successful.'],
      ['09:50 UTC', 'Incident declared: SEV1 Reference server down after deployment'],
      ['09:52 UTC', 'eduardo acknowledged the page'],
      ['09:58 UTC', 'Status identified: obs-api was upgraded without the ruby packages it needs'],
      ['10:03 UTC', 'Restart the affected services. OBS is back.'],
      ['10:10 UTC', 'Resolved: Updated the ruby packages.'],
    ]) {
      expect(
        draft.split('\n').some((line) => line.includes(time as string) && line.includes(text as string)),
        `${time} ${text}`,
      ).toBe(true);
    }
  });

  it.each(['sre', 'report'])('%s marks chat lines as suggestions, with their link', async (template) => {
    const draft = await render(deploymentOutage(), template);
    expect(draft).toContain(
      '_Suggested (deployed, dashboard link):_ the deploy script failed, see https://grafana.example.com/d/obs/api',
    );
    expect(draft).toContain('([message](https://chat.example/archives/C1/p1))');
    expect(draft).not.toContain('anyone else seeing this?');
  });

  it.each(['sre', 'report'])('%s offers the identified status as a root-cause hint', async (template) => {
    const draft = await render(deploymentOutage(), template);
    const rootCause = draft.slice(draft.indexOf('## Root Cause'));
    expect(rootCause).toMatch(/> - 09:58 UTC: status identified \(eduardo\): “obs-api was upgraded/);
  });

  it.each(['sre', 'report'])('%s lists the action items with owner and due date', async (template) => {
    const draft = await render(deploymentOutage(), template);
    expect(draft).toMatch(
      template === 'sre'
        ? /- \[ \] Deploy script alerts on other packages \(david, due 2022-12-15\)/
        : /\| Deploy script alerts on other packages \| david \| 2022-12-15 \| high \| \[ \] Open \|/,
    );
  });

  it.each(['sre', 'report'])('%s appends the transcript when the config asks for it', async (template) => {
    expect(await render(deploymentOutage(), template)).not.toContain('## Appendix: Transcript');
    const draft = await render(deploymentOutage(), template, true);
    expect(draft).toContain('## Appendix: Transcript');
    expect(draft).toContain('**david**: anyone else seeing this?');
  });
});

describe('the public template', () => {
  it('names nobody, quotes no chat and links nowhere', async () => {
    const draft = await render(deploymentOutage(), 'public', true);
    for (const leak of ['david', 'eduardo', 'anyone else', 'deploy script failed', 'http', '@', 'INC-1']) {
      expect(draft.toLowerCase()).not.toContain(leak.toLowerCase());
    }
  });

  it('tells when, the updates in plain words, and what is being done', async () => {
    const draft = await render(deploymentOutage(), 'public');
    expect(draft).toContain('**Nov 30, 2022 09:49–10:10 UTC** (21m)');
    expect(draft).toContain(
      '- **2022-11-30 09:58 UTC, Identified**: obs-api was upgraded without the ruby packages it needs',
    );
    expect(draft).toContain('- **2022-11-30 10:03 UTC, Monitoring**: back to normal, the team watching');
    expect(draft).toContain('- Deploy script alerts on other packages');
  });
});

describe('rendering', () => {
  it('reports a broken template as a system error naming it', async () => {
    const { model } = await buildPostmortemModel(REF, deploymentOutage().pages(), {
      timeZone: 'UTC',
      now: new Date(),
      redactor: createRedactor(),
      includeTranscript: false,
    });
    const attempt = () => renderDraft('<%= it.nothing.here %>', model, 'mine');
    expect(attempt).toThrow(SystemError);
    expect(attempt).toThrow(/template "mine" could not be rendered/);
  });
});
