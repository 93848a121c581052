import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../../../src/core/commands/command-registry.ts';
import { renderHelp } from '../../../src/core/commands/render-help.ts';
import { PARSE_CONTEXT, parsedArgs, parseError } from '../../support/parse-command.ts';

const start = findCommand(COMMANDS, 'start') as NonNullable<ReturnType<typeof findCommand>>;

const VALID_LIST = 'Use one of sev1, sev2, sev3, sev4';

describe('/incident start reads the severity before the title', () => {
  it.each([
    ['SEV 1 db down', 'SEV1'],
    ['sev-1 db down', 'SEV1'],
    ['P1 db down', 'SEV1'],
    ['critical db down', 'SEV1'],
    ['High db down', 'SEV2'],
    ['medium db down', 'SEV3'],
    ['low db down', 'SEV4'],
    ['p4 db down', 'SEV4'],
    ['sev2: db down', 'SEV2'],
  ])('reads "%s" as %s with the title "db down"', (typed, severity) => {
    expect(parsedArgs(`start ${typed}`)).toEqual({ severity, title: 'db down' });
  });

  it.each(['sev10 x', 'sev0 x', 'p7 x', 'sev 9 x', 'SEV 10 db down', 'p0 x'])(
    'refuses "%s" with the valid list instead of a SEV3 titled with it',
    (typed) => {
      const refused = parseError(`start ${typed}`);
      expect(refused.identifier).toBe('invalid_severity');
      expect(refused.message).toContain(VALID_LIST);
      expect(refused.usage).toBe('/incident start [private] [sev1|sev2|sev3|sev4] <title>');
    },
  );

  it('refuses a severity hidden behind a zero-width space instead of putting it in the title', () => {
    expect(parseError('start sev\u200B10 x').identifier).toBe('invalid_severity');
  });

  it('keeps an ordinary first word in the title', () => {
    expect(parsedArgs('start severe db outage')).toEqual({ severity: undefined, title: 'severe db outage' });
  });

  it('keeps the title whole when the severity came as its own option (a form, a Discord choice)', () => {
    expect(start.build({ severity: 'sev2', title: 'critical path down' }, PARSE_CONTEXT)).toEqual({
      ok: true,
      value: { severity: 'SEV2', title: 'critical path down', description: undefined },
    });
  });

  it('reads a severity typed into the title option when none was chosen (Discord)', () => {
    expect(start.build({ title: 'SEV 1 db down' }, PARSE_CONTEXT)).toMatchObject({
      ok: true,
      value: { severity: 'SEV1', title: 'db down' },
    });
  });

  it('takes only the configured aliases: with none, "critical db down" is a title', () => {
    expect(parsedArgs('start critical db down', { ...PARSE_CONTEXT, severityAliases: {} })).toEqual({
      severity: undefined,
      title: 'critical db down',
    });
  });

  it('reads a configured alias', () => {
    const context = { ...PARSE_CONTEXT, severityAliases: { urgent: 'SEV1' as const } };
    expect(parsedArgs('start urgent db down', context)).toEqual({ severity: 'SEV1', title: 'db down' });
  });
});

describe('/incident sev reads the same words', () => {
  it.each([
    ['SEV 1 all regions', 'SEV1'],
    ['critical all regions', 'SEV1'],
    ['p2 all regions', 'SEV2'],
  ])('reads "%s"', (typed, severity) => {
    expect(parsedArgs(`sev ${typed}`)).toEqual({ severity, reason: 'all regions' });
  });

  it.each(['sev10', 'sev 0', 'p9 worse', 'banana'])('refuses "%s" with the valid list', (typed) => {
    expect(parseError(`sev ${typed}`).message).toContain(VALID_LIST);
  });

  it('asks for a severity when none is given, naming the aliases', () => {
    expect(parseError('sev').message).toBe(
      'Which severity? Give one of sev1, sev2, sev3, sev4 (SEV-1 and SEV 1 work too), or critical, high, medium, low, p1, p2, p3, p4.',
    );
  });
});

describe('help for a severity option', () => {
  it('lists the canonical choices and the configured aliases', () => {
    const help = renderHelp(COMMANDS, 'sev', { severityAliases: { critical: 'SEV1', p2: 'SEV2' } });
    expect(help.lines[0]).toBe(
      'severity: The new severity [sev1|sev2|sev3|sev4]; also critical (SEV1), p2 (SEV2)',
    );
  });

  it('lists only the choices when aliases are turned off', () => {
    expect(renderHelp(COMMANDS, 'start').lines[0]).toBe(
      'severity (optional): How bad it is (sev1 is worst) [sev1|sev2|sev3|sev4]',
    );
  });
});
