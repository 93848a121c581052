import { describe, expect, it } from 'vitest';
import { parsedArgs, parseError } from '../../support/parse-command.ts';

describe('/incident action export', () => {
  it('takes an item number and a ticket system', () => {
    expect(parsedArgs('action export 2 github')).toEqual({ kind: 'export', itemId: 'A2', system: 'github' });
    expect(parsedArgs('action export A3 Jira')).toEqual({ kind: 'export', itemId: 'A3', system: 'jira' });
  });
  it('reads anything else after export as the text of a new action item', () => {
    expect(parsedArgs('action export the dashboards to grafana')).toMatchObject({
      kind: 'add',
      text: 'export the dashboards to grafana',
    });
  });
});

describe('/incident status --public', () => {
  it('marks the message public when --public follows the state', () => {
    expect(parsedArgs('status identified --public A fix is rolling out.')).toEqual({
      status: 'identified',
      message: 'A fix is rolling out.',
      public: true,
    });
  });
  it('keeps --public elsewhere in the message as text', () => {
    expect(parsedArgs('status identified the --public flag broke')).toEqual({
      status: 'identified',
      message: 'the --public flag broke',
    });
  });
  it('still wants a message after --public', () => {
    expect(parseError('status monitoring --public').message).toContain('status message');
  });
});
