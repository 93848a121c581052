import type { types } from '@slack/bolt';
import {
  commanderOf,
  formatDuration,
  type IncidentState,
  incidentLabel,
  paceText,
} from '../../src/core/public-api.ts';
import type { ActionButton } from '../../src/ports/chat-platform.ts';
import { BLOCK_KIT_LIMITS, PAGE_BUDGET, type SlackMessage } from './block-kit-pages.ts';
import { ACTION_CHANGE_SEVERITY, SUMMARY_BLOCK_ID } from './interaction-ids.ts';
import { commandButtons } from './render-buttons.ts';
import { actorMention } from './slack-actor.ts';
import { toSafeMrkdwn, toSafePlainText, truncate } from './slack-text.ts';
import { epochSeconds } from './slack-timestamps.ts';

const ACK: ActionButton = { label: 'Acknowledge', command: 'ack', style: 'primary' };
const RESOLVE: ActionButton = { label: 'Resolve', command: 'resolve', style: 'danger' };

/** A time every reader sees in their own zone, with a plain UTC fallback. */
function slackDate(iso: string, format: string): string {
  return `<!date^${epochSeconds(iso)}^${format}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
}

/**
 * The pinned summary of an incident: title, severity, status, commander, how long it has been
 * open, and the buttons people reach for first. Rebuilt from state on every change.
 */
export function renderSummary(incident: IncidentState, redact: (text: string) => string): SlackMessage {
  const label = incidentLabel(incident.number);
  const title = redact(incident.title);
  const open = incident.status !== 'resolved';
  const elapsed = open
    ? `${slackDate(incident.declaredAt, '{ago}')}`
    : `${formatDuration(Date.parse(incident.resolvedAt ?? incident.declaredAt) - Date.parse(incident.declaredAt))} (resolved ${slackDate(incident.resolvedAt ?? incident.declaredAt, '{date_short_pretty} {time}')})`;
  const fields: types.MrkdwnElement[] = [
    { type: 'mrkdwn', text: `*Severity*\n${incident.severity}` },
    { type: 'mrkdwn', text: `*Status*\n${open ? incident.status : 'resolved ✅'}` },
    { type: 'mrkdwn', text: `*Commander*\n${actorMention(commanderOf(incident))}` },
    { type: 'mrkdwn', text: `*${open ? 'Declared' : 'Lasted'}*\n${elapsed}` },
  ];
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      block_id: SUMMARY_BLOCK_ID,
      text: {
        type: 'plain_text',
        text: truncate(
          toSafePlainText(`${label} ${incident.severity}: ${title}`),
          BLOCK_KIT_LIMITS.headerText,
        ),
      },
    },
    { type: 'section', fields },
  ];
  if (incident.description) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(toSafeMrkdwn(redact(incident.description)), PAGE_BUDGET.sectionText),
      },
    });
  }
  const history = historyText(incident);
  if (history) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: history } });
  if (incident.actionItems.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: actionItemsText(incident, redact) } });
  }
  if (open) {
    const [ack, resolve] = commandButtons([ACK, RESOLVE]);
    const changeSeverity: types.Button = {
      type: 'button',
      action_id: ACTION_CHANGE_SEVERITY,
      text: { type: 'plain_text', text: 'Change severity' },
      value: String(incident.number),
    };
    blocks.push({
      type: 'actions',
      elements: [
        ...(ack ? [ack] : []),
        changeSeverity,
        ...(resolve
          ? [
              {
                ...resolve,
                confirm: {
                  title: { type: 'plain_text', text: `Resolve ${label}?` },
                  text: {
                    type: 'plain_text',
                    text: 'It will be marked resolved now. You can reopen it later.',
                  },
                  confirm: { type: 'plain_text', text: 'Resolve' },
                  deny: { type: 'plain_text', text: 'Cancel' },
                },
              } satisfies types.Button,
            ]
          : []),
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: 'Run `/incident help` for every command. This summary updates itself.' },
    ],
  });
  return {
    text: toSafeMrkdwn(`${label} ${incident.severity}: ${truncate(title, 200)} (${incident.status})`),
    blocks,
  };
}

/**
 * How far a slow read of the adopted channel's history has got ("1,240 messages read, back to
 * 09:12, still reading"); nothing for a read that was quick.
 */
function historyText(incident: IncidentState): string | undefined {
  const history = incident.history;
  if (history?.requestsPerMinute === undefined) return undefined;
  const read = `${history.read.toLocaleString('en-US')} message${history.read === 1 ? '' : 's'} read`;
  const back = history.backTo ? `, back to ${slackDate(history.backTo, '{time}')}` : '';
  const state = history.done
    ? ', all in'
    : `, still reading (${paceText(history.requestsPerMinute)} is all Slack allows this app)`;
  return `*History*: ${read}${back}${state}`;
}

const SHOWN_ACTION_ITEMS = 10;

/** The action items with their state, open ones first; the rest are counted. */
function actionItemsText(incident: IncidentState, redact: (text: string) => string): string {
  const items = [...incident.actionItems].sort((a, b) => Number(Boolean(a.done)) - Number(Boolean(b.done)));
  const lines = items.slice(0, SHOWN_ACTION_ITEMS).map((item) => {
    const text = toSafeMrkdwn(redact(item.text));
    const owner = item.owner ? ` (${actorMention(item.owner)})` : '';
    const tickets = (item.tickets ?? [])
      .map((ticket) => ` · <${ticket.url}|${toSafeMrkdwn(ticket.key)}>`)
      .join('');
    return item.done ? `✅ ~${item.itemId} ${text}~${tickets}` : `◻️ ${item.itemId} ${text}${owner}${tickets}`;
  });
  const more = items.length - lines.length;
  const open = incident.actionItems.filter((item) => !item.done).length;
  const head = `*Action items* (${open} open of ${incident.actionItems.length})`;
  return truncate(
    [head, ...lines, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n'),
    PAGE_BUDGET.sectionText,
  );
}
