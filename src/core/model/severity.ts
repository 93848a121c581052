import { fail, ok, type Result, userError } from '../errors.ts';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank is more severe: SEV1 outranks SEV2. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

export function isUpgrade(from: Severity, to: Severity): boolean {
  return severityRank(to) < severityRank(from);
}

/** Accepts sev1, SEV1, sev-1, SEV-1 (and sev 1). */
export function parseSeverity(text: string): Result<Severity> {
  const match = /^sev[-\s]?([1-4])$/i.exec(text.trim());
  if (!match) {
    return fail(
      userError(
        'invalid_severity',
        `"${text}" is not a severity. Use one of sev1, sev2, sev3, sev4 (SEV-1 works too).`,
      ),
    );
  }
  return ok(`SEV${match[1]}` as Severity);
}

export function looksLikeSeverity(text: string): boolean {
  return /^sev[-]?\d$/i.test(text.trim());
}
