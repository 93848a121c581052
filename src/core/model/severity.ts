export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank is more severe: SEV1 outranks SEV2. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

export function isUpgrade(from: Severity, to: Severity): boolean {
  return severityRank(to) < severityRank(from);
}
