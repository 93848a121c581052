import { describe, expect, it } from 'vitest';
import { COMMANDS, closestCommand } from '../../../src/core/commands/command-registry.ts';
import { renderHelp } from '../../../src/core/commands/render-help.ts';
import { parsedArgs, parseError } from '../../support/parse-command.ts';

const args = (text: string) => parsedArgs(text);
const error = (text: string) => parseError(text);

describe('/incident start', () => {
  it('takes a severity and a title', () => {
    expect(args('start sev1 API returns 502')).toEqual({ severity: 'SEV1', title: 'API returns 502' });
  });
  it('accepts SEV-2 spelled with a dash', () => {
    expect(args('start SEV-2 checkout errors')).toEqual({ severity: 'SEV2', title: 'checkout errors' });
  });
  it('leaves the severity to the default when none is given', () => {
    expect(args('start checkout errors')).toEqual({ severity: undefined, title: 'checkout errors' });
  });
  it('refuses a missing title and names the field', () => {
    expect(error('start sev1').message).toBe('The title is missing.');
  });
  it('refuses a title over 150 characters and names the rule', () => {
    expect(error(`start sev2 ${'x'.repeat(151)}`).message).toContain('limit is 150');
  });
  it('refuses sev5 with the list of severities', () => {
    expect(error('start sev5 broken').message).toContain('sev1, sev2, sev3, sev4');
  });
  it('strips control characters from the title', () => {
    expect(args('start sev2 bad\u0007 title\u001b')).toEqual({ severity: 'SEV2', title: 'bad title' });
  });
});

describe('/incident sev', () => {
  it('takes a severity and a reason', () => {
    expect(args('sev sev-1 all regions')).toEqual({ severity: 'SEV1', reason: 'all regions' });
  });
  it('refuses a missing severity', () => {
    expect(error('sev').message).toContain('Which severity');
  });
});

describe('/incident note', () => {
  it('takes plain text', () => {
    expect(args('note rolled back deploy 4411')).toEqual({
      text: 'rolled back deploy 4411',
      occurredAt: undefined,
    });
  });
  it('backdates with a leading time', () => {
    expect(args('note 15:23 rolled back')).toEqual({
      text: 'rolled back',
      occurredAt: new Date('2025-11-20T15:23:00Z'),
    });
  });
  it('refuses an empty note', () => {
    expect(error('note').message).toBe('The note is missing.');
  });
  it('refuses a note that is only a time', () => {
    expect(error('note 15:23').message).toBe('The note is missing.');
  });
  it('refuses a note over 4000 characters', () => {
    expect(error(`note ${'y'.repeat(4001)}`).message).toContain('limit is 4000');
  });
  it('refuses a future date and shows the note usage', () => {
    const refused = error('note 2025-11-21 10:00 UTC later');
    expect(refused.identifier).toBe('time_in_future');
    expect(refused.usage).toContain('/incident note');
  });
});

describe('/incident status', () => {
  it('takes a state and a message', () => {
    expect(args('status identified bad feature flag')).toEqual({
      status: 'identified',
      message: 'bad feature flag',
    });
  });
  it('refuses an unknown state with the states to choose from', () => {
    expect(error('status fixed yay').message).toContain('investigating, identified or monitoring');
  });
  it('refuses a status without a message', () => {
    expect(error('status monitoring').message).toBe('The status message is missing.');
  });
});

describe('/incident role', () => {
  it('takes a role and a Slack mention', () => {
    expect(args('role commander <@U123|dana>')).toEqual({
      role: 'commander',
      user: { id: 'U123', name: 'dana' },
    });
  });
  it('takes a Discord mention', () => {
    expect(args('role scribe <@!8123>')).toEqual({ role: 'scribe', user: { id: '8123', name: '8123' } });
  });
  it('refuses an unknown role', () => {
    expect(error('role boss @dana').message).toContain('commander, comms or scribe');
  });
  it('refuses a user that is not a mention', () => {
    expect(error('role comms dana').message).toContain('Mention the person');
  });
});

describe('/incident page', () => {
  it('pages a mentioned user with a message', () => {
    expect(args('page @sam need a DBA')).toEqual({
      target: 'sam',
      targetName: 'sam',
      targetKind: 'user',
      message: 'need a DBA',
    });
  });
  it('pages a schedule by id', () => {
    expect(args('page platform-oncall')).toMatchObject({ target: 'platform-oncall', targetKind: 'schedule' });
  });
  it('refuses a page without a target', () => {
    expect(error('page').message).toContain('Who should be paged');
  });
});

describe('/incident action', () => {
  it('takes text, owner, due date and priority in any order at the end', () => {
    expect(args('action add 502 alert @sam due 2025-12-01 priority high')).toEqual({
      kind: 'add',
      text: 'add 502 alert',
      owner: { id: 'sam', name: 'sam' },
      due: '2025-12-01',
      priority: 'high',
    });
    expect(args('action add 502 alert priority low due 2025-12-01')).toMatchObject({
      priority: 'low',
      due: '2025-12-01',
    });
  });
  it('defaults the priority to medium', () => {
    expect(args('action write runbook')).toEqual({
      kind: 'add',
      text: 'write runbook',
      owner: undefined,
      due: undefined,
      priority: 'medium',
    });
  });
  it('refuses a due date that is not YYYY-MM-DD', () => {
    expect(error('action x due friday').message).toContain('YYYY-MM-DD');
  });
  it('refuses an unknown priority', () => {
    expect(error('action x priority urgent').message).toContain('high, medium or low');
  });
});

describe('commands without arguments', () => {
  it.each(['ack', 'reopen', 'timeline', 'list'])('/incident %s refuses extra text', (name) => {
    expect(error(`${name} now please`).identifier).toBe('unexpected_text');
  });
  it('resolve takes an optional summary', () => {
    expect(args('resolve')).toEqual({ summary: undefined });
    expect(args('resolve flag reverted')).toEqual({ summary: 'flag reverted' });
  });
  it('postmortem takes an optional template name', () => {
    expect(args('postmortem SRE')).toEqual({ template: 'sre' });
  });
});

describe('the registry generates help and suggestions', () => {
  it('lists every command with its usage', () => {
    const help = renderHelp(COMMANDS, undefined);
    for (const command of COMMANDS) expect(help.lines.join('\n')).toContain(command.usage);
  });
  it('explains one command with its options and examples', () => {
    const help = renderHelp(COMMANDS, 'note');
    expect(help.title).toContain('/incident note');
    expect(help.lines.some((line) => line.startsWith('e.g.'))).toBe(true);
  });
  it('suggests the closest command for a typo', () => {
    expect(closestCommand(COMMANDS, 'strat')?.name).toBe('start');
    expect(closestCommand(COMMANDS, 'resolv')?.name).toBe('resolve');
    expect(closestCommand(COMMANDS, 'zzzzzzzz')).toBeUndefined();
  });
  it('keeps the grammar words of the contract', () => {
    const usages = COMMANDS.map((command) => command.usage);
    expect(usages).toEqual(
      expect.arrayContaining([
        '/incident start [private] [sev1|sev2|sev3|sev4] <title>',
        '/incident sev <sev1..sev4> [reason]',
        '/incident note [HH:MM[ TZ] | YYYY-MM-DD HH:MM[ TZ]] <text>',
        '/incident status <investigating|identified|monitoring> <message>',
        '/incident role <commander|comms|scribe> <@user>',
        '/incident page <@user|schedule-id> [message]',
        '/incident ack',
        '/incident action <text> [@owner] [due YYYY-MM-DD] [priority high|medium|low] | /incident action done|reopen <n>',
        '/incident resolve [summary]',
        '/incident reopen',
        '/incident postmortem [template]',
        '/incident timeline',
        '/incident list',
        '/incident help [command]',
      ]),
    );
  });
});
