import { describe, expect, it } from 'vitest';
import { readSignals } from '../../../src/postmortem/message-signals.ts';

const AT = '2025-11-20T10:00:00.000Z';
const signalsOf = (text: string) => readSignals(text, AT, 'UTC').signals;

describe('the milestones people say in chat', () => {
  it.each([
    ['monitoring is alerting, the web server is down', 'detected'],
    ['escalated to the DevOps team', 'escalated'],
    ['a container on port 80 caused a conflict with Apache', 'identified'],
    ['upgraded the ruby packages', 'changed'],
    ['full service restored, all checks green', 'restored'],
  ] as const)('reads "%s" as %s', (text, signal) => {
    expect(signalsOf(text)).toContain(signal);
  });

  it('does not take a word inside a link for a word said', () => {
    expect(signalsOf('see https://alertmanager.example.com/#/alerts?filter=web-down')).toEqual([
      'alert-link',
    ]);
  });

  it('leaves small talk alone', () => {
    expect(signalsOf('is loculus really fine? kubectl shows all pods running')).toEqual([]);
  });
});
