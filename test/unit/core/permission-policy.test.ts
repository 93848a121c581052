import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/command-registry.ts';
import { renderHelp } from '../../../src/core/commands/render-help.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import { foldIncident } from '../../../src/core/model/incident-state.ts';
import { OPEN_POLICY, type PermissionSettings, refusal } from '../../../src/core/policy/permission-policy.ts';

const ref = { platform: 'slack', workspace: 'T1', number: 3 };
const alice = { id: 'U1', name: 'alice' };
const bob = { id: 'U2', name: 'bob' };
const declared: StoredEvent = {
  id: '1-1',
  type: 'declared',
  number: 3,
  title: 'checkout errors',
  severity: 'SEV2',
  at: '2026-01-01T00:00:00.000Z',
  actor: alice,
  origin: { platform: 'slack', workspace: 'T1', channel: 'C1' },
};
const incident = foldIncident(ref, [declared]);

const policy: PermissionSettings = {
  rules: {
    ...OPEN_POLICY.rules,
    resolve: ['commander'],
    page: ['responders', 'commander'],
    declare: ['S0SRE', 'U9'],
  },
  responders: { slack: ['S0ONCALL', 'U7'] },
};
const who = (actor: typeof alice, groups: string[] = []) => ({ platform: 'slack', actor, groups });

describe('the permission policy', () => {
  it('lets everyone run everything when nothing is configured', () => {
    for (const rule of ['declare', 'page', 'severity', 'resolve', 'reopen', 'role'] as const) {
      expect(refusal(OPEN_POLICY, rule, rule, who(bob), incident)).toBeUndefined();
    }
  });

  it('lets the commander (the declarer until someone is assigned) resolve, and nobody else', () => {
    expect(refusal(policy, 'resolve', 'resolve', who(alice), incident)).toBeUndefined();
    expect(refusal(policy, 'resolve', 'resolve', who(bob), incident)?.message).toBe(
      'You may not run /incident resolve in INC-3: the permissions.resolve rule allows the commander only. Ask the commander, alice.',
    );
  });

  it('counts a configured responder user, and a member of a configured responder group', () => {
    expect(refusal(policy, 'page', 'page', who({ id: 'U7', name: 'u7' }), incident)).toBeUndefined();
    expect(refusal(policy, 'page', 'page', who(bob, ['S0ONCALL']), incident)).toBeUndefined();
    expect(refusal(policy, 'page', 'page', who(bob, ['S0OTHER']), incident)?.identifier).toBe(
      'permission_denied',
    );
  });

  it('matches a rule that names a user or a group directly', () => {
    expect(refusal(policy, 'declare', 'start', who({ id: 'U9', name: 'u9' }), undefined)).toBeUndefined();
    expect(refusal(policy, 'declare', 'start', who(bob, ['S0SRE']), undefined)).toBeUndefined();
    expect(refusal(policy, 'declare', 'start', who(bob), undefined)?.message).toBe(
      'You may not run /incident start: the permissions.declare rule allows S0SRE and U9 only.',
    );
  });

  it('does not count a responder on another platform', () => {
    const discord = { platform: 'discord', actor: { id: 'U7', name: 'u7' }, groups: [] };
    expect(refusal(policy, 'page', 'page', discord, incident)?.identifier).toBe('permission_denied');
  });

  it('shows in help who may run a restricted command, and nothing for open ones', () => {
    const overview = renderHelp(COMMANDS, undefined, { policy }).lines;
    expect(overview.find((line) => line.startsWith('/incident resolve'))).toMatch(/\(the commander only\)$/);
    expect(overview.find((line) => line.startsWith('/incident note'))).not.toMatch(/only\)$/);
  });
});
