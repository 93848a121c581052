import { spanBetween } from './draft-moments.ts';
import type {
  Moment,
  PageRecord,
  PostmortemModel,
  Prompts,
  Resolution,
  SectionPrompt,
  SeverityChange,
  StatusUpdate,
  SuggestionSignal,
  TimelineRow,
} from './postmortem-model.ts';

/** What the prompts are built from: the finished, redacted parts of the model. */
export interface PromptInput {
  timeline: readonly TimelineRow[];
  suggestions: readonly TimelineRow[];
  statusUpdates: readonly StatusUpdate[];
  resolutions: readonly Resolution[];
  pages: readonly PageRecord[];
  severityHistory: readonly SeverityChange[];
  escalations: readonly { at: Moment; text: string }[];
  pageFailures: readonly { at: Moment; text: string }[];
  times: PostmortemModel['times'];
  durations: PostmortemModel['durations'];
  declaredBy: string;
  reopenCount: number;
}

/** A hint and when what it quotes happened; undated facts (durations) come first. */
interface Hint {
  iso: string;
  text: string;
}

const MAX_HINTS = 8;

function prompt(question: string, hints: readonly Hint[]): SectionPrompt {
  const ordered = [...hints].sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  return { question, hints: ordered.slice(0, MAX_HINTS).map((hint) => hint.text) };
}

const fact = (text: string): Hint => ({ iso: '', text });
const at = (moment: Moment, text: string): Hint => ({ iso: moment.iso, text: `${moment.text}: ${text}` });

function quoteRow(row: TimelineRow): Hint {
  return at(row.moment, `${row.author.name}${row.suggested ? ' (chat)' : ''}: “${row.text}”`);
}

function quoteStatus(update: StatusUpdate): Hint {
  return at(update.at, `status ${update.status} (${update.author.name}): “${update.message}”`);
}

function quoteResolution(resolution: Resolution): Hint[] {
  return resolution.summary
    ? [at(resolution.at, `resolved by ${resolution.by.name}: “${resolution.summary}”`)]
    : [];
}

function withSignal(rows: readonly TimelineRow[], ...signals: SuggestionSignal[]): Hint[] {
  return rows.filter((row) => row.signals.some((signal) => signals.includes(signal))).map(quoteRow);
}

/**
 * Prompts for the sections only people can write. Each hint quotes the record with its time;
 * none states a conclusion, so the draft never claims what nobody said.
 */
export function buildPrompts(input: PromptInput): Prompts {
  const { times, durations, statusUpdates, suggestions } = input;
  const byStatus = (status: StatusUpdate['status']) =>
    statusUpdates.filter((update) => update.status === status).map(quoteStatus);
  const earliest = input.timeline[0];
  const before = earliest && earliest.at < times.declared.iso ? earliest : undefined;
  const severityChanges = input.severityHistory.filter((change) => change.from !== undefined);

  return {
    summary: prompt(
      'In one or two sentences: what happened, and what did users experience?',
      input.resolutions.flatMap(quoteResolution),
    ),
    impact: prompt('Who was affected, how many, for how long? Was any data lost?', [
      ...(durations.total ? [fact(`From the earliest entry to resolution: ${durations.total.text}.`)] : []),
      ...(durations.toResolve ? [fact(`From declaration to resolution: ${durations.toResolve.text}.`)] : []),
      ...(times.resolved ? [] : [fact('The incident is not resolved yet.')]),
      ...input.severityHistory.map((change) =>
        at(
          change.at,
          `${change.from ? `severity ${change.from} → ` : 'declared '}${change.severity}${change.reason ? ` (${change.reason})` : ''}`,
        ),
      ),
    ]),
    rootCause: prompt(
      'What caused the incident? Be specific; ask "why" until the answer is a cause, not a symptom.',
      [...byStatus('identified'), ...withSignal(suggestions, 'root-cause')],
    ),
    trigger: prompt('What set it off (a deploy, a config change, traffic, a dependency)?', [
      ...(before ? [quoteRow(before)] : []),
      ...withSignal(suggestions, 'deployed', 'rolled-back'),
    ]),
    detection: prompt('How was it noticed, and could it have been noticed sooner?', [
      at(times.declared, `declared by ${input.declaredBy}.`),
      ...(before
        ? [
            fact(
              `The earliest entry (${before.time}) is ${spanBetween(before.at, times.declared.iso).text} before the declaration.`,
            ),
          ]
        : []),
      ...input.pages.map((page) =>
        at(
          page.at,
          `paged ${page.target}${page.acknowledged ? `, acknowledged ${page.acknowledged.text}` : ', never acknowledged'}.`,
        ),
      ),
      ...withSignal(suggestions, 'alert-link', 'dashboard-link'),
    ]),
    resolution: prompt('What fixed it? Include the exact commands or changes.', [
      ...byStatus('monitoring'),
      ...withSignal(suggestions, 'rolled-back', 'restarted', 'failed-over', 'mitigated'),
      ...input.resolutions.flatMap(quoteResolution),
    ]),
    wentWell: prompt('What went well?', [
      ...(durations.toAcknowledge
        ? [fact(`First acknowledgement ${durations.toAcknowledge.text} after declaration.`)]
        : []),
      ...(durations.toMitigate ? [fact(`Mitigated ${durations.toMitigate.text} after declaration.`)] : []),
    ]),
    wentWrong: prompt('What went wrong, or slower than it should have?', [
      ...input.pageFailures.map((failure) => at(failure.at, failure.text)),
      ...input.escalations.map((escalation) => at(escalation.at, escalation.text)),
      ...input.pages
        .filter((page) => !page.acknowledged)
        .map((page) => at(page.at, `the page to ${page.target} was never acknowledged.`)),
      ...severityChanges.map((change) => at(change.at, `severity ${change.from} → ${change.severity}.`)),
      ...(input.reopenCount > 0
        ? [
            fact(
              `Reopened ${input.reopenCount === 1 ? 'once' : `${input.reopenCount} times`} after being resolved.`,
            ),
          ]
        : []),
    ]),
    lucky: prompt('Where did we get lucky?', []),
    lessons: prompt('What will we do differently? Which action items follow from it?', []),
  };
}
