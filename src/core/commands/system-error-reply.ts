import { SystemError } from '../errors.ts';
import { ephemeral, type Reply } from './reply.ts';

/** Codes of the SystemErrors `IncidentCore.process` throws; each says what happened to the request. */
export const SYSTEM_ERROR_CODES = {
  /** The process is stopping and refused the event before touching anything. */
  shuttingDown: 'shutting_down',
  /** The store (Redis) failed before the command was recorded. */
  notRecorded: 'not_recorded',
  /** Too many concurrent writers; nothing was recorded. */
  writeContention: 'write_contention',
  /** The events were recorded, but queueing their follow-up jobs failed. */
  followUpFailed: 'follow_up_failed',
} as const;

const TEXT: Record<string, string> = {
  [SYSTEM_ERROR_CODES.shuttingDown]:
    'tocsin is restarting and did not take that. Nothing was recorded; send it again in a few seconds.',
  [SYSTEM_ERROR_CODES.writeContention]:
    'Could not record that, try again: too many changes to this incident arrived at once.',
  [SYSTEM_ERROR_CODES.followUpFailed]:
    'Recorded. But tocsin could not queue the follow-up work (summary refresh, pages, reminders) because ' +
    'its job queue is unreachable; check the incident once it is back.',
};

const NOT_RECORDED_TEXT =
  'Could not record that, try again in a moment: tocsin cannot reach its database right now.';

/**
 * What a person sees when the core throws instead of replying. Every adapter renders this, so
 * the wording (and the promise it makes about what was recorded) is the same on every platform.
 */
export function systemErrorReply(error: unknown): Reply {
  const code = error instanceof SystemError ? error.code : SYSTEM_ERROR_CODES.notRecorded;
  return ephemeral(TEXT[code] ?? NOT_RECORDED_TEXT);
}
