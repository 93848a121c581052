import { describe, expect, it } from 'vitest';
import { declareModal, declareModalWanted } from '../../../adapters/slack/modal-views.ts';
import { DEFAULT_SEVERITY_ALIASES } from '../../../src/core/model/severity-words.ts';
import { validateView } from '../../fakes/slack/index.ts';

describe('when /incident start asks with a modal', () => {
  it.each([
    ['start', {}],
    ['START  ', {}],
    ['start sev1', { severity: 'SEV1' }],
    ['start SEV-2', { severity: 'SEV2' }],
    ['start SEV 1', { severity: 'SEV1' }],
    ['start critical', { severity: 'SEV1' }],
    ['start P3', { severity: 'SEV3' }],
  ])('%s opens the modal', (text, wanted) => {
    expect(declareModalWanted(text, DEFAULT_SEVERITY_ALIASES)).toEqual(wanted);
  });

  it.each(['start db down', 'start sev1 db down', 'start sev10', 'start p7', 'note start', 'list'])(
    '%s declares (or runs, or is refused by the core) at once',
    (text) => {
      expect(declareModalWanted(text, DEFAULT_SEVERITY_ALIASES)).toBeUndefined();
    },
  );

  it('opens no modal for an alias the configuration dropped', () => {
    expect(declareModalWanted('start critical', {})).toBeUndefined();
  });

  it('is a view Slack accepts', () => {
    expect(validateView(declareModal({ channel: 'C1', responseUrl: 'http://127.0.0.1/r' }, 'SEV3'))).toEqual(
      [],
    );
  });
});
