import { describe, expect, it } from 'vitest';
import { readSignals } from '../../../src/postmortem/message-signals.ts';

const SAID = '2025-11-20T15:45:00.000Z';

describe('signals in a captured message', () => {
  it.each([
    ['deployed 4411 to prod', 'deployed'],
    ['starting the deployment now', 'deployed'],
    ['rolled back to 4410', 'rolled-back'],
    ['rollback done', 'rolled-back'],
    ['restarted the api pods', 'restarted'],
    ['rebooting db-2', 'restarted'],
    ['we failed over to eu-west-2', 'failed-over'],
    ['root cause looks like the connection pool', 'root-cause'],
    ['mitigated by shedding load', 'mitigated'],
    ['https://alertmanager.example.com/#/alerts?filter=api', 'alert-link'],
    ['see https://acme.pagerduty.com/incidents/Q1', 'alert-link'],
    ['https://grafana.example.com/d/abc/api-latency spiking', 'dashboard-link'],
  ] as const)('finds "%s" to be %s', (text, signal) => {
    expect(readSignals(text, SAID, 'UTC').signals).toContain(signal);
  });

  it('finds nothing in ordinary chatter', () => {
    expect(readSignals('anyone looking at this? I am on it', SAID, 'UTC').signals).toEqual([]);
  });

  it('does not read a deploy into words that merely contain it', () => {
    expect(readSignals('the redeployable widget is startled', SAID, 'UTC').signals).toEqual([]);
  });
});

describe('a time named in a message', () => {
  it('places the entry at the time the message names', () => {
    expect(readSignals('fwiw the reboot was at 15:27', SAID, 'UTC')).toEqual({
      signals: ['clock-time', 'restarted'],
      occurredAt: '2025-11-20T15:27:00.000Z',
    });
  });

  it('reads a bare time in the workspace zone', () => {
    expect(readSignals('first errors at 16:20', SAID, 'Europe/Berlin').occurredAt).toBe(
      '2025-11-20T15:20:00.000Z',
    );
  });

  it('honours a zone typed after the time', () => {
    expect(readSignals('alert fired 10:05 EST', SAID, 'UTC').occurredAt).toBe('2025-11-20T15:05:00.000Z');
  });

  it('reads a time from the previous evening said after midnight', () => {
    expect(readSignals('it started 23:50 yesterday', '2025-11-21T00:20:00.000Z', 'UTC').occurredAt).toBe(
      '2025-11-20T23:50:00.000Z',
    );
  });

  it('ignores a time later than the message (an ETA, not an event)', () => {
    expect(readSignals('fix ETA 16:30', SAID, 'UTC')).toEqual({ signals: [] });
  });

  it('ignores seconds-precise log stamps, ports and versions', () => {
    for (const text of ['15:27:03 kernel: oom', 'listening on localhost:8080', 'upgraded to v1.15:2']) {
      expect(readSignals(text, SAID, 'UTC').signals).not.toContain('clock-time');
    }
  });

  it('ignores times inside links', () => {
    expect(readSignals('see https://logs.example/at/15:27 please', SAID, 'UTC').signals).not.toContain(
      'clock-time',
    );
  });
});
