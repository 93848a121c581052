import type { ParseContext } from '../../src/core/commands/command-definition.ts';
import { COMMANDS, findCommand } from '../../src/core/commands/command-registry.ts';
import { splitFirst } from '../../src/core/commands/text-tokens.ts';
import type { UserError } from '../../src/core/errors.ts';
import { DEFAULT_SEVERITY_ALIASES } from '../../src/core/model/severity-words.ts';
import { cleanText } from '../../src/core/text/sanitize-input.ts';

export const PARSE_CONTEXT: ParseContext = {
  now: new Date('2025-11-20T16:00:00Z'),
  timeZone: 'UTC',
  severityAliases: DEFAULT_SEVERITY_ALIASES,
};

export type Parsed = { ok: true; name: string; args: unknown } | { ok: false; error: UserError };

/** Parses `/incident <text>` the way the core does, without touching Redis. */
export function parseCommand(text: string, context: ParseContext = PARSE_CONTEXT): Parsed {
  // The core cleans the typed line where it enters; so does this.
  const [name, rest] = splitFirst(cleanText(text));
  const command = findCommand(COMMANDS, name);
  if (!command) throw new Error(`no command ${name}`);
  const options = command.parseText(rest);
  if (!options.ok) return options;
  const args = command.build(options.value, context);
  return args.ok ? { ok: true, name: command.name, args: args.value } : args;
}

/** The arguments of a command that must parse. */
export function parsedArgs(text: string, context?: ParseContext): unknown {
  const result = parseCommand(text, context);
  if (!result.ok) throw new Error(result.error.message);
  return result.args;
}

/** The refusal of a command that must not parse. */
export function parseError(text: string, context?: ParseContext): UserError {
  const result = parseCommand(text, context);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return result.error;
}
