/** A chain is named after the revision of the event that started it: `r1` is the declaration. */
export function chainId(revision: number): string {
  return `r${revision}`;
}

export function chainRevision(chain: string): number {
  return Number(chain.slice(1));
}

/** `r1.0.0.2`: chain, step, round, and the target's place in the step. Unique per incident. */
export function pageIdOf(chain: string, step: number, round: number, index: number): string {
  return `${chain}.${step}.${round}.${index}`;
}

/** The reminder that asks for a status update, as `reminder_sent` and `reminder_snoozed` name it. */
export const STATUS_UPDATE = 'status_update';
