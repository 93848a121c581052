import type { types } from '@slack/bolt';
import {
  incidentLabel,
  looksLikeSeverity,
  parseSeverity,
  SEVERITIES,
  type Severity,
  type SeverityAliases,
  splitFirst,
} from '../../src/core/public-api.ts';
import { DECLARE_MODAL, SEVERITY_MODAL } from './interaction-ids.ts';
import { toSafePlainText, truncate } from './slack-text.ts';

/** Where a modal's answer goes once submitted: the channel it was opened from, and how to reach it. */
export interface ModalOrigin {
  channel: string;
  /** The response_url of the command or button that opened the modal (valid for 30 minutes). */
  responseUrl?: string;
}

const SEVERITY_WORDS: Record<Severity, string> = {
  SEV1: 'SEV1: critical, customers cannot use the product',
  SEV2: 'SEV2: major, a key feature is broken',
  SEV3: 'SEV3: minor, degraded or partial',
  SEV4: 'SEV4: low, no customer impact yet',
};

function severityOption(severity: Severity): types.PlainTextOption {
  return { text: { type: 'plain_text', text: SEVERITY_WORDS[severity] }, value: severity.toLowerCase() };
}

function severitySelect(initial: Severity): types.InputBlock {
  return {
    type: 'input',
    block_id: 'severity',
    label: { type: 'plain_text', text: 'Severity' },
    element: {
      type: 'static_select',
      action_id: 'value',
      options: SEVERITIES.map(severityOption),
      initial_option: severityOption(initial),
    },
  };
}

/**
 * `/incident start` with nothing after it (or only a severity) asks for the rest in a modal.
 * Returns the severity to preselect, or undefined when the text declares by itself.
 */
export function declareModalWanted(
  text: string,
  aliases: SeverityAliases,
): { severity?: Severity } | undefined {
  const [name, rest] = splitFirst(text);
  if (name.toLowerCase() !== 'start') return undefined;
  if (rest.trim() === '') return {};
  if (!looksLikeSeverity(rest, aliases)) return undefined;
  // `start sev10` alone goes to the core, which refuses it with the valid list.
  const severity = parseSeverity(rest, aliases);
  return severity.ok ? { severity: severity.value } : undefined;
}

export function declareModal(origin: ModalOrigin, severity: Severity): types.ModalView {
  return {
    type: 'modal',
    callback_id: DECLARE_MODAL,
    title: { type: 'plain_text', text: 'Declare an incident' },
    submit: { type: 'plain_text', text: 'Declare' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(origin),
    blocks: [
      {
        type: 'input',
        block_id: 'title',
        label: { type: 'plain_text', text: 'Title' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 150,
          placeholder: { type: 'plain_text', text: 'What is broken, in a few words' },
        },
      },
      severitySelect(severity),
      {
        type: 'input',
        block_id: 'description',
        optional: true,
        label: { type: 'plain_text', text: 'Description' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
      {
        type: 'input',
        block_id: 'visibility',
        optional: true,
        label: { type: 'plain_text', text: 'Visibility' },
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [
            {
              text: { type: 'plain_text', text: 'Private: only the people in its channel see it' },
              value: 'private',
            },
          ],
        },
      },
    ],
  };
}

export function severityModal(
  origin: ModalOrigin,
  incident: { number: number; title: string; severity: Severity } | undefined,
  fallback: Severity,
  redact: (text: string) => string,
): types.ModalView {
  // The title is shown back to whoever pressed the button: redacted like every other exit.
  const context: types.KnownBlock[] = incident
    ? [
        {
          type: 'context',
          elements: [
            {
              type: 'plain_text',
              text: truncate(
                toSafePlainText(`${incidentLabel(incident.number)}: ${redact(incident.title)}`),
                150,
              ),
            },
          ],
        },
      ]
    : [];
  return {
    type: 'modal',
    callback_id: SEVERITY_MODAL,
    title: { type: 'plain_text', text: 'Change severity' },
    submit: { type: 'plain_text', text: 'Change' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(origin),
    blocks: [
      ...context,
      severitySelect(incident?.severity ?? fallback),
      {
        type: 'input',
        block_id: 'reason',
        optional: true,
        label: { type: 'plain_text', text: 'Why' },
        element: { type: 'plain_text_input', action_id: 'value', max_length: 500 },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value?: string } | null;
      selected_options?: { value?: string }[] | null;
    }
  >
>;

/** Whether checkbox `option` of input `block` was ticked in a submitted view. */
export function isChecked(values: StateValues, block: string, option: string): boolean {
  return (values[block]?.value?.selected_options ?? []).some((selected) => selected.value === option);
}

/** The value of input `block` in a submitted view, '' when empty. */
export function inputValue(values: StateValues, block: string): string {
  const input = values[block]?.value;
  return input?.selected_option?.value ?? input?.value ?? '';
}

export function parseOrigin(raw: string | undefined): ModalOrigin | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<ModalOrigin>;
    if (typeof parsed.channel !== 'string') return undefined;
    return typeof parsed.responseUrl === 'string'
      ? { channel: parsed.channel, responseUrl: parsed.responseUrl }
      : { channel: parsed.channel };
  } catch {
    return undefined;
  }
}
