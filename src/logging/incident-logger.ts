import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';
import type { Logger } from './create-logger.ts';

/** A child logger whose every line carries the incident key (`slack:T1:INC-4`), so one grep finds it all. */
export function incidentLogger(logger: Logger, ref: IncidentRef): Logger {
  return logger.child({ incident: incidentKey(ref) });
}

/** Job payloads that are an IncidentRef (provisioning, summaries, pages) get the key; others the plain logger. */
export function loggerForJobData(logger: Logger, data: unknown): Logger {
  const ref = data as Partial<IncidentRef> | null;
  if (
    ref !== null &&
    typeof ref === 'object' &&
    typeof ref.platform === 'string' &&
    typeof ref.workspace === 'string' &&
    typeof ref.number === 'number'
  ) {
    return incidentLogger(logger, { platform: ref.platform, workspace: ref.workspace, number: ref.number });
  }
  return logger;
}
