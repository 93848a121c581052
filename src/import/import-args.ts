import { parseArgs } from 'node:util';

export const IMPORT_USAGE = [
  'Usage:',
  '  npm run import -- slack <export.zip> --channel <name> [--from ISO] [--to ISO] [--severity sev2] [--title …] [--dry-run]',
  '  npm run import -- discord <export.json> [--from ISO] [--to ISO] [--severity sev2] [--title …] [--dry-run]',
].join('\n');

export interface ImportRequest {
  kind: 'slack' | 'discord';
  file: string;
  channel?: string;
  from?: Date;
  to?: Date;
  severity?: string;
  title?: string;
  dryRun: boolean;
}

/** The command line, or what is wrong with it (printed with the usage, and nothing is read). */
export function readImportArgs(
  argv: readonly string[],
): { ok: true; request: ImportRequest } | { ok: false; error: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const [kind, file, ...extra] = parsed.positionals;
  if (kind !== 'slack' && kind !== 'discord')
    return { ok: false, error: `say what to import: slack or discord, not "${kind ?? ''}".` };
  if (!file)
    return {
      ok: false,
      error: `name the ${kind === 'slack' ? 'export ZIP' : 'export JSON file'} to import.`,
    };
  if (extra.length > 0) return { ok: false, error: `unexpected ${extra.join(' ')}.` };
  const { values } = parsed;
  if (kind === 'slack' && !values.channel)
    return { ok: false, error: 'a Slack export holds many channels: say which with --channel <name>.' };
  const from = instant(values.from, '--from');
  const to = instant(values.to, '--to');
  if (typeof from === 'string') return { ok: false, error: from };
  if (typeof to === 'string') return { ok: false, error: to };
  if (from && to && from > to) return { ok: false, error: '--from is after --to.' };
  return {
    ok: true,
    request: {
      kind,
      file,
      dryRun: values['dry-run'] === true,
      ...(values.channel ? { channel: values.channel } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values.severity ? { severity: values.severity } : {}),
      ...(values.title ? { title: values.title } : {}),
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      channel: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      severity: { type: 'string' },
      title: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
}

/** ISO-8601; a date or time without a zone is read as UTC, which the README says. */
function instant(text: string | undefined, flag: string): Date | string | undefined {
  if (text === undefined) return undefined;
  const zoned = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned);
  return Number.isNaN(at.getTime())
    ? `${flag} "${text}" is not an ISO date or time (e.g. 2026-11-20T14:00Z).`
    : at;
}
