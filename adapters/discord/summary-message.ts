import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';
import {
  type IncidentState,
  incidentLabel,
  outstandingPages,
  SEVERITIES,
  type Severity,
} from '../../src/core/public-api.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import { NO_MENTIONS } from './allowed-mentions.ts';
import { SUMMARY_IDS } from './custom-ids.ts';
import { mentionOrName } from './discord-actor.ts';
import { fitEmbeds } from './fit-embeds.ts';

export interface SummaryMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: MessageMentionOptions;
}

const SEVERITY_COLORS: Record<Severity, number> = {
  SEV1: 0xd92d20,
  SEV2: 0xf79009,
  SEV3: 0xfdb022,
  SEV4: 0x667085,
};
const RESOLVED_COLOR = 0x12b76a;

/** Fields before the action items: state, severity, roles, times. */
const MAX_ACTION_ITEM_FIELDS = 15;

/**
 * The pinned summary: the incident as the log says it is now, with its controls (Acknowledge,
 * severity, Resolve; Reopen once resolved). Times are Discord timestamps, which every reader's
 * client shows in their own time zone. Text people typed is redacted, and never pings.
 */
export function buildSummaryMessage(state: IncidentState, redactor: TextRedactor): SummaryMessage {
  const resolved = state.status === 'resolved';
  const fields: APIEmbedField[] = [
    { name: 'Status', value: resolved ? 'resolved ✅' : state.status, inline: true },
    { name: 'Severity', value: state.severity, inline: true },
    { name: 'Commander', value: mentionOrName(state.roles.commander ?? state.declaredBy), inline: true },
  ];
  for (const role of ['comms', 'scribe'] as const) {
    const holder = state.roles[role];
    if (holder) fields.push({ name: capitalize(role), value: mentionOrName(holder), inline: true });
  }
  fields.push({
    name: 'Declared',
    value: `${timestamp(state.declaredAt)} by ${mentionOrName(state.declaredBy)}`,
    inline: true,
  });
  if (state.firstAcknowledgedAt) {
    fields.push({ name: 'Acknowledged', value: timestamp(state.firstAcknowledgedAt), inline: true });
  }
  const waiting = outstandingPages(state).length;
  if (waiting > 0 && !resolved) fields.push({ name: 'Pages waiting', value: String(waiting), inline: true });
  if (state.resolvedAt) fields.push({ name: 'Resolved', value: timestamp(state.resolvedAt), inline: true });
  if (state.channel) fields.push({ name: 'Channel', value: `<#${state.channel.id}>`, inline: true });
  fields.push(...actionItemFields(state, redactor));
  const description = [
    state.description ? redactor.redact(state.description) : undefined,
    state.resolveSummary ? `**Resolution:** ${redactor.redact(state.resolveSummary)}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n\n');
  const embed: APIEmbed = {
    title: `${incidentLabel(state.number)} · ${state.severity} · ${redactor.redact(state.title)}`,
    ...(description ? { description } : {}),
    color: resolved ? RESOLVED_COLOR : SEVERITY_COLORS[state.severity],
    fields,
    footer: { text: 'tocsin · /incident help lists the commands' },
  };
  return { embeds: fitEmbeds([embed]), components: controls(state), allowedMentions: NO_MENTIONS };
}

function actionItemFields(state: IncidentState, redactor: TextRedactor): APIEmbedField[] {
  const items = state.actionItems.slice(0, MAX_ACTION_ITEM_FIELDS).map((item) => {
    const details = [
      item.priority,
      item.owner ? `owner ${mentionOrName(item.owner)}` : undefined,
      item.due ? `due ${item.due}` : undefined,
      ...(item.tickets ?? []).map((ticket) => ticket.key),
    ].filter(Boolean);
    const name = `${item.done ? '✅ ' : ''}Action ${item.itemId} (${[...details, item.done ? 'done' : 'open'].join(', ')})`;
    return { name, value: redactor.redact(item.text) };
  });
  const more = state.actionItems.length - items.length;
  if (more > 0) items.push({ name: '…', value: `${more} more action items; see /incident timeline.` });
  return items;
}

function controls(state: IncidentState): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (state.status === 'resolved') {
    return [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: SUMMARY_IDS.reopen,
            label: 'Reopen',
            style: ButtonStyle.Secondary,
          },
        ],
      },
    ];
  }
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          custom_id: SUMMARY_IDS.ack,
          label: 'Acknowledge',
          style: ButtonStyle.Primary,
        },
        {
          type: ComponentType.Button,
          custom_id: SUMMARY_IDS.resolve,
          label: 'Resolve',
          style: ButtonStyle.Danger,
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: SUMMARY_IDS.severity,
          placeholder: 'Change the severity',
          options: SEVERITIES.map((severity) => ({
            label: severity,
            value: severity.toLowerCase(),
            default: severity === state.severity,
          })),
        },
      ],
    },
  ];
}

function timestamp(iso: string): string {
  return `<t:${Math.floor(Date.parse(iso) / 1000)}:f>`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
