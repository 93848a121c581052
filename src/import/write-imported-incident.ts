import { createHash } from 'node:crypto';
import type { CoreServices } from '../core/core-services.ts';
import { ok } from '../core/errors.ts';
import { messageCapturedBody } from '../core/model/captured-message.ts';
import type { Actor, IncidentEventBody } from '../core/model/events.ts';
import type { IncidentRef, WorkspaceRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { Severity } from '../core/model/severity.ts';
import { cleanText } from '../core/text/sanitize-input.ts';
import { commit } from '../core/write/commit.ts';
import type { ImportedMessage, ImportSource } from './import-source.ts';

const BATCH = 500;
/**
 * How many batches between two full collections. An import is a batch job: V8 left to itself
 * lets the garbage of 50,000 written messages pile up (250 MB at the peak); collecting every
 * 5,000 messages keeps it near what reading the export costs. Only with `--expose-gc`, which
 * `npm run import` passes.
 */
const COLLECT_EVERY = 10;

/** What a check of the export found: enough to name, date and key the incident before writing. */
export interface ExportSummary {
  messages: number;
  joins: number;
  pinned: number;
  first: Date;
  last: Date;
  firstSpeaker: Actor;
  people: number;
}

export interface ImportPlan {
  title: string;
  severity: Severity;
  summary: ExportSummary;
  onProgress?: (written: number) => void;
}

export type ImportOutcome = { status: 'imported' | 'already_imported'; ref: IncidentRef; written: number };

/** The same channel and time range of the same export is one incident, however often imported. */
export function importKey(source: ImportSource, summary: ExportSummary): string {
  const id = `${source.kind}|${source.workspace}|${source.channel.id}|${summary.first.toISOString()}|${summary.last.toISOString()}`;
  return createHash('sha256').update(id).digest('hex').slice(0, 24);
}

export function importWorkspace(source: ImportSource): WorkspaceRef {
  return { platform: 'import', workspace: `${source.kind}:${source.workspace}` };
}

/**
 * Writes an export as a resolved incident, through the one write path: declared at its first
 * message, every message at its own time, 📌 promoted, resolved at its last message. A run that
 * stopped half-way is finished by the next one (messages are deduplicated by id); a finished one
 * is found again and left alone.
 */
export async function writeImportedIncident(
  services: CoreServices,
  source: ImportSource,
  plan: ImportPlan,
): Promise<ImportOutcome> {
  const workspace = importWorkspace(source);
  const key = importKey(source, plan.summary);
  let state = await findImported(services, workspace, key);
  if (state?.status === 'resolved') return { status: 'already_imported', ref: state.ref, written: 0 };
  const actor = plan.summary.firstSpeaker;
  const origin = { ...workspace, channel: `import:${key}` };
  if (!state) {
    await commit(services, {
      target: { kind: 'declare', workspace },
      actor,
      origin,
      now: plan.summary.first,
      deliveryKey: `import:${key}`,
      decide: () =>
        ok({
          events: [
            {
              type: 'declared',
              number: 0,
              title: plan.title,
              severity: plan.severity,
              description: `Imported from #${source.channel.name} (${source.kind}), ${plan.summary.messages} messages.`,
              imported: { source: source.kind, file: source.file.split('/').at(-1) ?? source.file, key },
            },
          ],
        }),
    });
    state = await findImported(services, workspace, key);
  }
  if (!state) throw new Error(`the import ${key} was declared but cannot be found`);
  const ref = state.ref;
  if (!state.channel) await link(services, ref, origin, source, plan.summary.first);
  const written = await writeMessages(services, ref, origin, source, plan.onProgress);
  await commit(services, {
    target: { kind: 'incident', ref },
    actor,
    origin,
    now: plan.summary.last,
    decide: (current) =>
      ok({
        events:
          current?.status === 'resolved' ? [] : [{ type: 'resolved', summary: 'Imported after the fact.' }],
      }),
  });
  return { status: 'imported', ref, written };
}

async function link(
  services: CoreServices,
  ref: IncidentRef,
  origin: { channel: string },
  source: ImportSource,
  at: Date,
): Promise<void> {
  await services.store.linkChannel(ref, origin.channel);
  await commit(services, {
    target: { kind: 'incident', ref },
    actor: { id: 'tocsin', name: 'tocsin' },
    now: at,
    decide: (current) =>
      ok({
        events: current?.channel
          ? []
          : [{ type: 'channel_linked', channel: origin.channel, channelName: source.channel.name }],
      }),
  });
}

async function writeMessages(
  services: CoreServices,
  ref: IncidentRef,
  origin: { platform: string; workspace: string; channel: string },
  source: ImportSource,
  onProgress?: (written: number) => void,
): Promise<number> {
  let written = 0;
  let batches = 0;
  let batch: ImportedMessage[] = [];
  const flush = async () => {
    batches += 1;
    if (batches % COLLECT_EVERY === 0) (globalThis as { gc?: () => void }).gc?.();
    const messages = batch;
    batch = [];
    if (messages.length === 0) return;
    const events: IncidentEventBody[] = messages.map((message) => messageCapturedBody(message, cleanText));
    const at = (messages.at(-1) as ImportedMessage).occurredAt;
    const outcome = await commit(services, {
      target: { kind: 'chatter', ref },
      actor: (messages[0] as ImportedMessage).actor,
      actorOf: (index) => (messages[index] as ImportedMessage).actor,
      origin,
      now: at,
      decide: () => ok({ events }),
    });
    if (outcome.status === 'committed') written += outcome.written;
    // 📌 after the messages they promote; a re-run promotes again, which changes nothing.
    const pins = messages.filter((message) => message.pinned);
    if (pins.length > 0) {
      await commit(services, {
        target: { kind: 'chatter', ref },
        actor: (pins[0] as ImportedMessage).actor,
        actorOf: (index) => (pins[index] as ImportedMessage).actor,
        origin,
        now: at,
        decide: () =>
          ok({
            events: pins.map((pin) => ({ type: 'message_promoted' as const, messageId: pin.messageId })),
          }),
      });
    }
    onProgress?.(written);
  };
  for await (const message of source.messages()) {
    if (message.join) continue;
    batch.push(message);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return written;
}

async function findImported(
  services: CoreServices,
  workspace: WorkspaceRef,
  key: string,
): Promise<IncidentState | undefined> {
  for (const ref of await services.store.allIncidents(workspace)) {
    const state = await services.store.state(ref);
    if (state?.imported?.key === key) return state;
  }
  return undefined;
}
