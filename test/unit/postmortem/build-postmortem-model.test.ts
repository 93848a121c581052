import { describe, expect, it } from 'vitest';
import {
  buildPostmortemModel,
  type PostmortemModelOptions,
} from '../../../src/postmortem/build-postmortem-model.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';
import { IncidentLog, REF } from './incident-log.ts';

const OPTIONS: PostmortemModelOptions = {
  timeZone: 'UTC',
  now: new Date('2025-11-21T09:00:00.000Z'),
  redactor: createRedactor(),
  includeTranscript: false,
};

async function modelOf(log: IncidentLog, options: Partial<PostmortemModelOptions> = {}) {
  return (await buildPostmortemModel(REF, log.pages(), { ...OPTIONS, ...options })).model;
}

function incident(): IncidentLog {
  return new IncidentLog('2025-11-20T15:33:00.000Z')
    .as('chris')
    .declare('Service outage after upgrade', 'SEV3');
}

describe('the timeline of a draft', () => {
  it('places a backdated note at its own time, before the declaration', async () => {
    const model = await modelOf(incident().note('apt upgrade started', '15:23'));
    expect(model.timeline.map((row) => [row.time, row.relative, row.kind])).toEqual([
      ['15:23 UTC', 'T-10', 'note'],
      ['15:33 UTC', 'T+00', 'declared'],
    ]);
  });

  it('lists every kind of system event', async () => {
    const log = incident()
      .severity('SEV3', 'SEV2', 'more users')
      .role('commander', 'dana')
      .page('sam', 'p1', 'need a DBA')
      .append({ type: 'page_failed', pageId: 'p1', pager: 'pagerduty', reason: 'HTTP 503' })
      .append({ type: 'escalated', step: 2, targets: ['lee'], reason: 'no ack in 5m' })
      .append({ type: 'reminder_sent', reminder: 'status', text: 'Time for a status update' })
      .as('sam')
      .ack('p1')
      .status('identified', 'bad config')
      .action('add an alert', { owner: 'dana' })
      .resolve('fixed')
      .reopen();
    const kinds = (await modelOf(log)).timeline.map((row) => row.kind);
    expect(kinds).toEqual([
      'declared',
      'severity',
      'role',
      'page',
      'page-failed',
      'escalation',
      'reminder',
      'ack',
      'status',
      'action',
      'resolved',
      'reopened',
    ]);
  });

  it('shows a note typed twice in the same minute once', async () => {
    const model = await modelOf(incident().at('15:40').note('restarted api').note('restarted  API'));
    expect(model.timeline.filter((row) => row.kind === 'note')).toHaveLength(1);
  });

  it('shows a promoted message with its latest edit', async () => {
    const log = incident()
      .at('15:40')
      .say('restartd db', { id: 'm1' })
      .promote('m1')
      .at('15:42')
      .edit('m1', 'restarted db');
    const model = await modelOf(log);
    expect(model.timeline.find((row) => row.kind === 'message')).toMatchObject({
      time: '15:40 UTC',
      text: 'restarted db',
    });
  });

  it('drops a promoted message once it is deleted', async () => {
    const log = incident().at('15:40').say('restarted db', { id: 'm1' }).promote('m1').remove('m1');
    const model = await modelOf(log);
    expect(model.timeline.some((row) => row.kind === 'message')).toBe(false);
    expect(model.suggestions).toEqual([]);
  });

  it('marks entries proposed from chat as suggestions, merged in time order', async () => {
    const log = incident().at('15:40').say('rolled back 4411').at('15:41').note('error rate falling');
    const model = await modelOf(log);
    expect(model.fullTimeline.map((row) => [row.time, row.suggested, row.text])).toEqual([
      ['15:33 UTC', false, 'Incident declared: SEV3 Service outage after upgrade'],
      ['15:40 UTC', true, 'rolled back 4411'],
      ['15:41 UTC', false, 'error rate falling'],
    ]);
    expect(model.suggestions[0]?.signals).toEqual(['rolled-back']);
  });

  it('shows the workspace time beside UTC', async () => {
    const model = await modelOf(incident(), { timeZone: 'Europe/Berlin' });
    expect(model.timeline[0]?.time).toBe('15:33 UTC (16:33 CET)');
  });

  it('dates every time when the incident crosses midnight in UTC', async () => {
    const log = new IncidentLog('2025-11-20T23:50:00.000Z')
      .declare('db down')
      .at('2025-11-21T00:10:00.000Z')
      .resolve();
    const model = await modelOf(log);
    expect(model.crossesMidnight).toBe(true);
    expect(model.timeline.map((row) => row.time)).toEqual(['2025-11-20 23:50 UTC', '2025-11-21 00:10 UTC']);
    expect(model.timeline.map((row) => row.relative)).toEqual(['T+00', 'T+20']);
  });

  it('dates every time when only the workspace day changes', async () => {
    const log = new IncidentLog('2025-11-20T22:50:00.000Z').declare('db down').at('23:10').resolve();
    const model = await modelOf(log, { timeZone: 'Europe/Berlin' });
    expect(model.timeline.map((row) => row.time)).toEqual([
      '2025-11-20 22:50 UTC (2025-11-20 23:50 CET)',
      '2025-11-20 23:10 UTC (2025-11-21 00:10 CET)',
    ]);
  });

  it('shows no dates within one day', async () => {
    const model = await modelOf(incident().at('16:10').resolve());
    expect(model.crossesMidnight).toBe(false);
    expect(model.times.resolved?.text).toBe('16:10 UTC');
  });
});

describe('times, durations and people', () => {
  it('measures acknowledgement, mitigation and resolution from the declaration', async () => {
    const log = incident()
      .page('sam', 'p1')
      .at('15:35')
      .as('sam')
      .ack('p1')
      .at('15:50')
      .status('monitoring', 'error rate normal')
      .at('16:45')
      .resolve();
    const { times, durations } = await modelOf(log.note('first alert', '15:20'));
    expect([times.firstAcknowledged?.clock, times.mitigated?.clock, times.resolved?.clock]).toEqual([
      '15:35',
      '15:50',
      '16:45',
    ]);
    expect([durations.toAcknowledge?.text, durations.toMitigate?.text, durations.toResolve?.text]).toEqual([
      '2m',
      '17m',
      '1h 12m',
    ]);
    expect(durations.total).toEqual({ minutes: 85, text: '1h 25m', hhmm: '01:25' });
  });

  it('keeps every resolution when the incident was reopened and resolved again', async () => {
    const log = incident()
      .at('15:50')
      .resolve('restarted')
      .at('16:05')
      .reopen()
      .at('16:30')
      .resolve('fixed the pool');
    const model = await modelOf(log);
    expect(model.resolutions.map((r) => [r.at.clock, r.summary, r.reopened?.clock])).toEqual([
      ['15:50', 'restarted', '16:05'],
      ['16:30', 'fixed the pool', undefined],
    ]);
    expect(model.times.resolved?.clock).toBe('16:30');
    expect(model.durations.toResolve?.text).toBe('57m');
    expect(model.incident.reopenCount).toBe(1);
    expect(model.timeline.map((row) => row.kind)).toEqual(['declared', 'resolved', 'reopened', 'resolved']);
  });

  it('counts the messages each person still has in the channel, most active first', async () => {
    const log = incident()
      .as('dana')
      .say('looking', { id: 'd1' })
      .say('oops wrong channel', { id: 'd2' })
      .remove('d2')
      .as('sam')
      .say('here', { id: 's1' })
      .say('me too', { id: 's2' })
      .note('taking the database');
    const model = await modelOf(log);
    expect(model.participants.map((p) => [p.person.name, p.messages, p.commands])).toEqual([
      ['sam', 2, 1],
      ['dana', 1, 0],
      ['chris', 0, 1],
    ]);
    expect(model.statistics.messages).toEqual({ captured: 4, deleted: 1, edited: 0, promoted: 0 });
  });

  it('leaves the bot out of the participants', async () => {
    const log = incident();
    log.append({ type: 'channel_linked', channel: 'inc-1', channelName: 'inc-1' });
    const events = log.events();
    const last = events[events.length - 1];
    if (last) last.actor = { id: 'tocsin', name: 'tocsin' };
    const { model } = await buildPostmortemModel(REF, [events], OPTIONS);
    expect(model.participants.map((p) => p.person.name)).toEqual(['chris']);
  });

  it('groups action items by priority, most urgent first', async () => {
    const log = incident()
      .action('document it', { priority: 'low' })
      .action('fix restart policy', { priority: 'high', owner: 'chris', due: '2025-11-27' });
    const model = await modelOf(log);
    expect(model.actionItemsByPriority.map((g) => [g.label, g.items.map((i) => i.text)])).toEqual([
      ['High priority', ['fix restart policy']],
      ['Low priority', ['document it']],
    ]);
    expect(model.actionItems[1]).toMatchObject({
      id: 'A2',
      owner: { name: 'chris' },
      due: '2025-11-27',
      status: 'open',
    });
  });
});

describe('prompts for the sections people write', () => {
  it('offers identified status updates as root-cause hints', async () => {
    const model = await modelOf(
      incident().at('15:40').as('dana').status('identified', 'the pool is exhausted'),
    );
    expect(model.prompts.rootCause.hints).toEqual([
      '15:40 UTC: status identified (dana): “the pool is exhausted”',
    ]);
  });

  it('invents nothing when the record says nothing', async () => {
    const model = await modelOf(incident().resolve());
    expect(model.prompts.rootCause.hints).toEqual([]);
    expect(model.prompts.trigger.hints).toEqual([]);
    expect(model.prompts.lucky.hints).toEqual([]);
  });
});

describe('an empty incident (declared, then resolved at once)', () => {
  it('has a two-line timeline and zero durations', async () => {
    const model = await modelOf(incident().resolve());
    expect(model.timeline.map((row) => row.kind)).toEqual(['declared', 'resolved']);
    expect(model.durations.toResolve?.text).toBe('0m');
    expect(model.actionItems).toEqual([]);
    expect(model.suggestions).toEqual([]);
    expect(model.public.window).toBe('Nov 20, 2025 15:33–15:33 UTC');
  });
});

describe('redaction', () => {
  const key = `AKIA${'IOSFODNN7'}EXAMPLE`;
  const token = `ghp_${'a1B2c3D4e5F6g7H8i9J0'}${'k1L2m3N4o5P6q7R8'}`;

  it('redacts secrets in every field of the model', async () => {
    const log = new IncidentLog('2025-11-20T15:33:00.000Z')
      .as('chris')
      .declare(`leak of ${key}`)
      .note(`rotated ${token}`)
      .status('identified', `password=${'hunter2'} was in the config`)
      .say(`restarted with ${token}`, { id: 'm1', permalink: `https://x:${'s3cretPw9'}@chat.example/p1` })
      .say(`deployed ${key}`, { id: 'm2' })
      .promote('m2')
      .action(`rotate ${key}`)
      .severity('SEV2', 'SEV1', `token: ${'abc123def456'}`)
      .resolve(`revoked ${token}`);
    const model = await modelOf(log, { includeTranscript: true });
    const everything = JSON.stringify(model);
    for (const secret of [key, token, 'hunter2', 's3cretPw9', 'abc123def456'])
      expect(everything).not.toContain(secret);
    expect(model.incident.title).toBe('leak of [REDACTED:aws-access-key]');
    expect(model.statistics.secretsRedacted).toBeGreaterThanOrEqual(10);
  });

  it('applies extra patterns from the config', async () => {
    const model = await modelOf(incident().note('customer ACME-000123 affected'), {
      redactor: createRedactor(['ACME-\\d{6}']),
    });
    expect(model.timeline[1]?.text).toBe('customer [REDACTED:custom-1] affected');
  });
});

describe('the transcript appendix', () => {
  it('is left out unless the config asks for it', async () => {
    expect((await modelOf(incident().say('hello'))).transcript).toBeUndefined();
  });

  it('lists what is still in the channel, in the order it was said, edits marked', async () => {
    const log = incident()
      .at('15:40')
      .say('first', { id: 'a' })
      .say('gone', { id: 'b' })
      .remove('b')
      .at('15:41')
      .say('second', { id: 'c' })
      .edit('a', 'first (fixed)');
    const transcript = (await modelOf(log, { includeTranscript: true })).transcript ?? [];
    expect(transcript.map((line) => [line.time, line.text, line.edited])).toEqual([
      ['15:40 UTC', 'first (fixed)', true],
      ['15:41 UTC', 'second', false],
    ]);
  });
});

describe('reading the log', () => {
  it('builds the same model from one page or many', async () => {
    const log = incident()
      .at('15:40')
      .say('rolled back')
      .note('x', '15:30')
      .status('monitoring', 'ok')
      .resolve();
    const paged = await buildPostmortemModel(REF, log.pages(2), OPTIONS);
    const whole = await buildPostmortemModel(REF, [log.events()], OPTIONS);
    expect(paged).toEqual(whole);
  });

  it('remembers the last draft and counts what came after it', async () => {
    const log = incident()
      .drafted('report', 'abc')
      .note('more')
      .say('hi')
      .drafted('sre', 'def')
      .note('again')
      .say('one')
      .say('two');
    const { previousDraft } = await buildPostmortemModel(REF, log.pages(), OPTIONS);
    expect(previousDraft).toMatchObject({
      template: 'sre',
      digest: 'def',
      since: { note_added: 1, message_captured: 2 },
    });
  });

  it('refuses a log that does not exist', async () => {
    await expect(buildPostmortemModel(REF, [], OPTIONS)).rejects.toThrow(/INC-1 has no log/);
  });
});

describe('the public projection', () => {
  it('keeps people, mentions and links out of status updates', async () => {
    const log = incident()
      .as('dana')
      .status('monitoring', 'dana and @sam restarted it, see https://grafana.internal/d/x');
    const model = await modelOf(log.resolve('back to normal'));
    expect(model.public.updates.map((u) => [u.label, u.text])).toEqual([
      ['Monitoring', 'the team and the team restarted it, see'],
      ['Resolved', 'back to normal'],
    ]);
  });
});
