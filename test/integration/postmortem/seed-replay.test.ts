import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf, replaySeed } from '../../fixtures/seeds/replay-seed.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

/*
 * Golden tests: the incidents of the seed write-ups, replayed in the console step by step at
 * their real times, must come back as drafts with every row of the original's timeline at its
 * time, every action item, and each template's sections.
 */

interface Seed {
  name: string;
  file: string;
  timeZone: string;
  /** The original's timeline: time as the draft shows it, and the row's text. */
  rows: [time: string, text: string][];
  /** Lines drawn from chat, marked as suggestions, at their time. */
  suggestions: [time: string, text: string][];
  actions: [text: string, owner: string, due: string][];
  /** Said in the channel without a signal: counted, not on the timeline. */
  chatter: string[];
  people: string[];
  rootCause: string;
}

const SEEDS: Seed[] = [
  {
    name: '000 containers down after an apt upgrade',
    file: 'seed-000-upgrade-reboot.chat',
    timeZone: 'UTC',
    rows: [
      ['15:23 UTC', 'apt upgrade started (44 packages including Docker/containerd)'],
      ['15:26 UTC', 'Upgrade completed'],
      ['15:27 UTC', 'Server rebooted (new kernel 6.8.0-88)'],
      ['15:31 UTC', 'Server back online (boot time: 3m 43s)'],
      ['15:31 UTC', 'Loculus ✅ auto-started, SILO/LAPIS ❌ down, V-Pipe Scout ❌ down'],
      ['15:40 UTC', 'SILO/LAPIS manually restarted'],
      ['15:41 UTC', 'V-Pipe Scout manually restarted'],
    ],
    suggestions: [
      ['15:27 UTC', '_Suggested (clock time, restarted):_ fwiw the reboot was at 15:27'],
      ['15:40 UTC', '_Suggested (restarted):_ SILO/LAPIS manually restarted'],
    ],
    actions: [
      ['Fix SILO/LAPIS restart policy (restart: always)', 'chris', '2025-11-27'],
      ['Fix V-Pipe Scout restart policy', 'chris', '2025-11-27'],
      ['Migrate V-Pipe Scout to Ansible', 'dana', '2025-12-20'],
      ['Audit all Docker restart policies', 'dana', '2025-12-20'],
      ['Implement staging environment to test upgrades before production', 'unassigned', '2026-02-20'],
      ['Add service monitoring with Prometheus/Grafana alerting for failures', 'unassigned', '2026-02-20'],
      ['Document update procedures', 'unassigned', '—'],
    ],
    chatter: ['is loculus really fine?'],
    people: ['chris', 'dana'],
    rootCause: 'containerd.io upgrade (1.7.27→2.1.5) restarted the Docker daemon',
  },
  {
    name: '002 web server outage from a port conflict',
    file: 'seed-002-port-conflict.chat',
    timeZone: 'UTC',
    rows: [
      ['10:00 UTC', 'Issue detected when monitoring alerts indicated that the web server was down'],
      ['10:05 UTC', 'investigated Apache logs and noticed repeated errors related to binding to port 80'],
      ['10:15 UTC', 'Initial assumption was that Apache had crashed'],
      ['10:30 UTC', 'Issue escalated to the DevOps team'],
      ['10:45 UTC', 'Misleading investigation into potential firewall or network issues'],
      ['11:00 UTC', 'a container was using port 80, causing a conflict with Apache'],
      [
        '11:15 UTC',
        'The Docker container was stopped, and Apache was successfully restarted, restoring partial service',
      ],
      ['11:30 UTC', 'Further testing revealed intermittent issues due to improper Docker configuration'],
      [
        '12:00 UTC',
        'Full service was restored, and all web server functionalities were verified as operational',
      ],
      ['12:45 UTC', 'Final checks and monitoring confirmed the resolution, and normal operations resumed'],
    ],
    suggestions: [
      [
        '10:00 UTC',
        '_Suggested (alert link):_ https://alertmanager.example.com/#/alerts?filter=web-down firing',
      ],
      ['10:15 UTC', '_Suggested (restarted):_ tried to restart apache, it still fails to bind to port 80'],
    ],
    actions: [
      ['Update the Docker installation process to check for services on critical ports', 'priya', '—'],
      ['Configure Apache to use a non-standard port where Docker also runs, and document it', 'olivia', '—'],
      ['Add a post-installation script that verifies no port conflicts are present', 'priya', '—'],
      ['Train the DevOps team on services that share ports 80 and 443', 'olivia', '—'],
      ['Run Docker and Apache on different servers where feasible', 'priya', '—'],
    ],
    chatter: [],
    people: ['olivia', 'priya', 'devops'],
    rootCause: 'a container was using port 80, causing a conflict with Apache',
  },
  {
    name: '004 deployment outage, workspace in Europe/Berlin',
    file: 'seed-004-deployment.chat',
    timeZone: 'Europe/Berlin',
    rows: [
      ['08:49 UTC (09:49 CET)', "Start the deployment which isn't successful."],
      ['08:50 UTC (09:50 CET)', 'Notice that the deployment failed.'],
      [
        '09:02 UTC (10:02 CET)',
        'Update the needed packages in the system: `zypper up -r OBS:Server:Unstable`.',
      ],
      [
        '09:03 UTC (10:03 CET)',
        'Restart the affected services: `systemctl restart obs-api-support.target`. OBS is back.',
      ],
    ],
    suggestions: [
      ['08:50 UTC (09:50 CET)', '_Suggested (deployed):_ the deploy script finished with an error'],
      // Users reporting errors while monitoring alerts is when the outage was detected.
      ['08:52 UTC (09:52 CET)', '_Suggested (detected):_ users report errors in the API'],
    ],
    actions: [
      ['The deploy script will alert when other packages need to be updated, not only obs-api', 'david', '—'],
    ],
    chatter: [],
    people: ['david', 'eduardo', 'anna'],
    rootCause: 'obs-api was upgraded without the other required packages (ruby package update)',
  },
];

const SECTIONS = {
  sre: [
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
    '## Incident Summary',
    '## Timeline (UTC',
    '## Root Cause',
    '## Resolution',
    '## Impact',
    '**Users affected**',
    '**Data lost**',
    '**Downtime**',
    '## Action Items',
    '## Lessons Learned',
  ],
  public: [
    '## What happened',
    '## When',
    '## What you may have noticed',
    '## Updates',
    '## What we are doing',
  ],
} as const;

/** True when one line of the draft shows `time` and, after it, `text`. */
function rowAt(draft: string, time: string, text: string): boolean {
  return draft.split('\n').some((line) => line.includes(time) && line.indexOf(text) > line.indexOf(time));
}

describe.each(SEEDS)('seed $name, replayed in the console', (seed) => {
  let session: ConsoleSession;
  const drafts: Record<string, string> = {};

  beforeAll(async () => {
    session = createConsoleSession({ config: testConfig({ timezone: seed.timeZone }) });
    await replaySeed(session, seed.file);
    for (const template of Object.keys(SECTIONS)) drafts[template] = (await draftOf(session, template)).draft;
  });
  afterAll(async () => {
    await session?.dispose();
  });

  it.each(['sre', 'report'])(
    'the %s draft shows every timeline row of the original at its time',
    (template) => {
      const draft = drafts[template] as string;
      for (const [time, text] of seed.rows) expect(rowAt(draft, time, text), `${time} ${text}`).toBe(true);
    },
  );

  it.each(['sre', 'report'])(
    'the %s draft proposes the signal-bearing chat lines as suggestions',
    (template) => {
      const draft = drafts[template] as string;
      for (const [time, text] of seed.suggestions)
        expect(rowAt(draft, time, text), `${time} ${text}`).toBe(true);
      for (const text of seed.chatter) expect(draft).not.toContain(text);
    },
  );

  it('the sre draft lists every action item under its priority, with owner', () => {
    for (const [text, owner, due] of seed.actions) {
      const detail = due === '—' ? owner : `${owner}, due ${due}`;
      expect(drafts.sre).toContain(`- [ ] ${text} (${detail})`);
    }
  });

  it('the report draft has a row for every action item: owner, due date, status', () => {
    for (const [text, owner, due] of seed.actions) {
      expect(drafts.report).toMatch(
        new RegExp(`^\\| ${escapeRegex(text)} \\| ${owner} \\| ${due} \\| \\w+ \\| \\[ \\] Open \\|$`, 'm'),
      );
    }
  });

  it.each(Object.keys(SECTIONS) as (keyof typeof SECTIONS)[])(
    'the %s draft has every section of its shape',
    (template) => {
      for (const section of SECTIONS[template]) expect(drafts[template]).toContain(section);
    },
  );

  it.each(['sre', 'report'])('the %s draft offers the identified status as a root-cause hint', (template) => {
    const draft = drafts[template] as string;
    const rootCause = draft.slice(
      draft.indexOf('## Root Cause'),
      draft.indexOf('##', draft.indexOf('## Root Cause') + 3),
    );
    expect(rootCause).toContain(seed.rootCause);
  });

  it('the public draft names nobody, quotes no chat and links nowhere', () => {
    const draft = (drafts.public as string).toLowerCase();
    for (const name of seed.people) expect(draft).not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const [, text] of seed.suggestions)
      expect(draft).not.toContain(text.replace(/^_Suggested \([^)]*\):_ /, '').toLowerCase());
    expect(draft).not.toMatch(/https?:|#inc-|@/);
  });
});

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
