import { describe, expect, it } from 'vitest';
import { declareModal, declareModalWanted } from '../../../adapters/slack/modal-views.ts';
import { validateView } from '../../fakes/slack/index.ts';

describe('when /incident start asks with a modal', () => {
  it.each([
    ['start', {}],
    ['START  ', {}],
    ['start sev1', { severity: 'SEV1' }],
    ['start SEV-2', { severity: 'SEV2' }],
  ])('%s opens the modal', (text, wanted) => {
    expect(declareModalWanted(text)).toEqual(wanted);
  });

  it.each(['start db down', 'start sev1 db down', 'note start', 'list'])(
    '%s declares (or runs) at once',
    (text) => {
      expect(declareModalWanted(text)).toBeUndefined();
    },
  );

  it('is a view Slack accepts', () => {
    expect(validateView(declareModal({ channel: 'C1', responseUrl: 'http://127.0.0.1/r' }, 'SEV3'))).toEqual(
      [],
    );
  });
});
