/**
 * The ids tocsin gives its buttons, modals and shortcuts. `ADD_TO_TIMELINE_SHORTCUT` must match
 * the message shortcut's callback_id in slack-app-manifest.yml.
 */
export const ACTION_RUN_COMMAND = 'tocsin_run_command';
export const ACTION_CHANGE_SEVERITY = 'tocsin_change_severity';
export const DECLARE_MODAL = 'tocsin_declare';
export const SEVERITY_MODAL = 'tocsin_change_severity_modal';
export const ADD_TO_TIMELINE_SHORTCUT = 'add_to_timeline';
/** block_id of the summary's header: how the pinned summary is recognised among the pins. */
export const SUMMARY_BLOCK_ID = 'tocsin_summary';

/** What a command button carries: the command to run and the channel whose incident it acts on. */
export interface CommandButtonValue {
  command: string;
  channel?: string;
}

export function encodeButtonValue(value: CommandButtonValue): string {
  return JSON.stringify(
    value.channel === undefined ? { c: value.command } : { c: value.command, ch: value.channel },
  );
}

export function decodeButtonValue(raw: string | undefined): CommandButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { c?: unknown; ch?: unknown };
    if (typeof parsed.c !== 'string') return undefined;
    return typeof parsed.ch === 'string' ? { command: parsed.c, channel: parsed.ch } : { command: parsed.c };
  } catch {
    return undefined;
  }
}
