import type { TicketSystem } from '../core/model/events.ts';
import { incidentKey, incidentLabel } from '../core/model/incident-ref.ts';
import type { ActionItemState, IncidentState } from '../core/model/incident-state.ts';
import type { TextRedactor } from '../ports/redactor.ts';
import type { FollowUpsConfig } from './follow-ups-config.ts';
import type { TicketRequest } from './ticket-client.ts';

/** GitHub allows 256 characters in a title and Jira 255 in a summary; both get a little less. */
const TITLE_LIMIT = 200;

/** Where people read the incident: the web view under WEB_BASE_URL, or else its chat channel. */
export function incidentLink(state: IncidentState, webBaseUrl: string | undefined): string | undefined {
  if (webBaseUrl) {
    // The web view's own address of the incident (its workspace is the signed-in viewer's).
    return `${webBaseUrl}/web/incidents/${state.ref.number}`;
  }
  return state.channel?.url;
}

/** The owner's account on the ticket system, when `follow_ups.users` maps their chat id or name. */
export function assigneeOf(
  users: FollowUpsConfig['users'],
  item: ActionItemState,
  system: TicketSystem,
): string | undefined {
  if (!item.owner) return undefined;
  return (users[item.owner.id] ?? users[item.owner.name])?.[system];
}

export function ticketRequest(
  state: IncidentState,
  item: ActionItemState,
  system: TicketSystem,
  input: { redactor: TextRedactor; webBaseUrl: string | undefined; users: FollowUpsConfig['users'] },
): TicketRequest {
  const text = input.redactor.redact(item.text);
  const title = text.length > TITLE_LIMIT ? `${text.slice(0, TITLE_LIMIT - 1)}…` : text;
  const link = incidentLink(state, input.webBaseUrl);
  const assignee = assigneeOf(input.users, item, system);
  return {
    incident: { ...state, title: input.redactor.redact(state.title) },
    item,
    title,
    text,
    ...(link === undefined ? {} : { link }),
    ...(assignee === undefined ? {} : { assignee }),
  };
}

/** The facts under the text, the same on both systems. */
function facts(request: TicketRequest): string[] {
  const { item } = request;
  return [
    ...(item.owner ? [`Owner: ${item.owner.name}${request.assignee ? ` (${request.assignee})` : ''}`] : []),
    ...(item.due ? [`Due: ${item.due}`] : []),
    `Priority: ${item.priority}`,
    `Action item ${item.itemId} of ${incidentLabel(request.incident.number)}; closing this ticket marks it done.`,
  ];
}

function incidentName(request: TicketRequest): string {
  return `${incidentLabel(request.incident.number)} (${request.incident.severity}): ${request.incident.title}`;
}

/** Invisible in the rendered issue; names the item, so a retry finds the ticket it already made. */
export function itemMarker(request: Pick<TicketRequest, 'incident' | 'item'>): string {
  return `<!-- tocsin:${incidentKey(request.incident.ref)}:${request.item.itemId} -->`;
}

/** A GitHub issue body (Markdown). */
export function ticketMarkdown(request: TicketRequest): string {
  const name = incidentName(request).replace(/[[\]]/g, '\\$&');
  const from = request.link ? `[${name}](${request.link})` : name;
  const lines = [
    request.text,
    '',
    `From incident ${from}.`,
    '',
    ...facts(request).map((fact) => `- ${fact}`),
  ];
  return [...lines, '', itemMarker(request)].join('\n');
}

interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, string> }[];
  version?: number;
}

const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (value: string, href?: string): AdfNode => ({
  type: 'text',
  text: value,
  ...(href === undefined ? {} : { marks: [{ type: 'link', attrs: { href } }] }),
});

/** A Jira Cloud REST v3 description: Atlassian Document Format, not wiki markup. */
export function ticketAdf(request: TicketRequest): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(text(request.text)),
      paragraph(text('From incident '), text(incidentName(request), request.link), text('.')),
      {
        type: 'bulletList',
        content: facts(request).map((fact) => ({ type: 'listItem', content: [paragraph(text(fact))] })),
      },
    ],
  };
}
