/**
 * The narrow public API of the core: what adapters (and tools) may use. Adapters import this
 * file and src/ports, never the core's internals; `npm run depcheck` enforces it.
 */
export { backfillOpenIncidents } from './backfill-incident.ts';
export { findCommand } from './commands/closest-command.ts';
export type { CommandDefinition, OptionSpec, RawOptions } from './commands/command-definition.ts';
export { redactReply } from './commands/redact-reply.ts';
export { ephemeral, errorReply, type Reply, toChannel } from './commands/reply.ts';
export { SYSTEM_ERROR_CODES, systemErrorReply } from './commands/system-error-reply.ts';
export { splitFirst } from './commands/text-tokens.ts';
export type { CoreServices } from './core-services.ts';
export { isUserError, PermanentError, SystemError, type UserError, userError } from './errors.ts';
export { InFlightTracker } from './in-flight-tracker.ts';
export type { InboundContext, InboundEvent } from './inbound-event.ts';
export type { CommandObserver, IncidentCore } from './incident-core.ts';
export type { CapturedMessage } from './model/captured-message.ts';
export type { Actor, FileMeta, IncidentEvent, Origin, StoredEvent } from './model/events.ts';
export {
  type IncidentRef,
  incidentKey,
  incidentLabel,
  parseIncidentKey,
  type WorkspaceRef,
} from './model/incident-ref.ts';
export { commanderOf, type IncidentState, outstandingPages } from './model/incident-state.ts';
export { SEVERITIES, type Severity } from './model/severity.ts';
export {
  looksLikeSeverity,
  parseSeverity,
  type SeverityAliases,
  splitLeadingSeverity,
} from './model/severity-words.ts';
export { paceText } from './read-adopted-history.ts';
export { cleanText, slugify } from './text/sanitize-input.ts';
export { AdjustableClock, type Clock } from './time/clock.ts';
export { formatClock, formatDuration } from './time/format-time.ts';
export { parseDateTime } from './time/parse-backdate.ts';
