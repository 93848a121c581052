import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildSlashCommands } from '../../../adapters/discord/build-slash-commands.ts';
import type { CommandDefinition, OptionSpec } from '../../../src/core/commands/command-definition.ts';
import { COMMANDS } from '../../../src/core/commands/command-registry.ts';
import { ok } from '../../../src/core/errors.ts';

interface BuiltOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  max_length?: number;
  options?: BuiltOption[];
}

function command(name: string, options: OptionSpec[], summary = `Do ${name}`): CommandDefinition {
  return {
    name,
    summary,
    usage: `/incident ${name}`,
    examples: [],
    options,
    kind: 'query',
    scope: 'anywhere',
    allowedWhenResolved: true,
    parseText: () => ok({}),
    build: () => ok({}),
    answer: async () => ok({ visibility: 'ephemeral', text: '' }),
  };
}

function subcommands(commands: readonly CommandDefinition[], choices = {}): BuiltOption[] {
  const [root] = buildSlashCommands(commands, choices);
  return (root?.options ?? []) as BuiltOption[];
}

function optionsOf(name: string): BuiltOption[] {
  return subcommands(COMMANDS).find((sub) => sub.name === name)?.options ?? [];
}

describe('/incident is generated from the command registry', () => {
  it('has one subcommand per registered command, in the registry order', () => {
    expect(subcommands(COMMANDS).map((sub) => sub.name)).toEqual(
      COMMANDS.map((definition) => definition.name),
    );
    expect(subcommands(COMMANDS).every((sub) => sub.type === ApplicationCommandOptionType.Subcommand)).toBe(
      true,
    );
  });

  it('uses the option names of the grammar', () => {
    const names = (sub: string) =>
      optionsOf(sub)
        .map((option) => option.name)
        .sort();
    expect(names('start')).toEqual(['private', 'severity', 'title']);
    expect(names('note')).toEqual(['text']);
    expect(names('sev')).toEqual(['reason', 'severity']);
    expect(names('status')).toEqual(['message', 'public', 'state']);
    expect(names('role')).toEqual(['role', 'user']);
    expect(names('page')).toEqual(['message', 'target']);
    expect(names('action')).toEqual(['due', 'owner', 'priority', 'text']);
    expect(names('resolve')).toEqual(['summary']);
    expect(names('postmortem')).toEqual(['template']);
    expect(names('oncall')).toEqual(['schedule']);
    for (const bare of ['ack', 'reopen', 'timeline', 'list']) expect(names(bare)).toEqual([]);
    expect(subcommands(COMMANDS).map((sub) => sub.name)).toContain('help');
  });

  it('puts required options before optional ones, as Discord requires', () => {
    for (const sub of subcommands(COMMANDS)) {
      const required = (sub.options ?? []).map((option) => option.required === true);
      expect(required, sub.name).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    expect(optionsOf('start').map((option) => option.name)).toEqual(['title', 'severity', 'private']);
  });

  it('offers private as a true/false option of start', () => {
    expect(optionsOf('start').find((option) => option.name === 'private')?.type).toBe(
      ApplicationCommandOptionType.Boolean,
    );
  });

  it('types people as user options and offers the choices of the grammar', () => {
    expect(optionsOf('role').find((option) => option.name === 'user')?.type).toBe(
      ApplicationCommandOptionType.User,
    );
    expect(optionsOf('action').find((option) => option.name === 'owner')?.type).toBe(
      ApplicationCommandOptionType.User,
    );
    expect(
      optionsOf('start')
        .find((option) => option.name === 'severity')
        ?.choices?.map((c) => c.value),
    ).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
    expect(optionsOf('note').find((option) => option.name === 'text')?.max_length).toBe(4000);
  });

  it('fills choices known only at runtime, such as the postmortem templates', () => {
    const subs = subcommands(COMMANDS, { postmortem: { template: ['public', 'report', 'sre'] } });
    const template = subs.find((sub) => sub.name === 'postmortem')?.options?.[0];
    expect(template?.choices).toEqual([
      { name: 'public', value: 'public' },
      { name: 'report', value: 'report' },
      { name: 'sre', value: 'sre' },
    ]);
  });

  it('picks up a command added to the registry without any Discord-specific code', () => {
    const oncall = command('oncall', [
      { name: 'schedule', description: 'Which schedule', type: 'string', required: false },
    ]);
    const subs = subcommands([...COMMANDS.slice(0, 3), oncall]);
    expect(subs.at(-1)).toEqual({
      type: ApplicationCommandOptionType.Subcommand,
      name: 'oncall',
      description: 'Do oncall',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'schedule',
          description: 'Which schedule',
          required: false,
        },
      ],
    });
  });

  it('keeps descriptions within 100 characters and drops choice lists longer than 25', () => {
    const long = command(
      'long',
      [
        {
          name: 'pick',
          description: 'x'.repeat(150),
          type: 'string',
          required: true,
          choices: Array.from({ length: 30 }, (_, i) => `c${i}`),
        },
      ],
      'y'.repeat(120),
    );
    const [sub] = subcommands([long]);
    expect(sub?.description.length).toBe(100);
    expect(sub?.options?.[0]?.description.length).toBe(100);
    expect(sub?.options?.[0]?.choices).toBeUndefined();
  });

  it('refuses a name Discord would reject instead of failing at registration', () => {
    expect(() => buildSlashCommands([command('Post Mortem', [])])).toThrow(
      /not a valid Discord command name/,
    );
  });

  it('is guild-only and registered under /incident', () => {
    const [root] = buildSlashCommands(COMMANDS);
    expect(root).toMatchObject({ name: 'incident', type: 1, contexts: [0], integration_types: [0] });
  });
});
