import { type EventOf, isChatter, type StoredEvent } from '../core/model/events.ts';
import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { chainRevision } from './paging-job-ids.ts';

/** A state-changing event with its revision (1 = the declaration), as the optimistic check counts. */
export interface Revisioned {
  revision: number;
  event: StoredEvent;
}

/** How many incidents' paging logs one process keeps; the rest are read again from the start. */
const MAX_CACHED = 500;

/** Per store (each app, each test prefix has its own): incident key -> what was read so far. */
const cursors = new WeakMap<IncidentStore, Map<string, { lastId: string | undefined; log: Revisioned[] }>>();

/**
 * The incident's log without chatter: what paging decisions are made from. The log only grows, so
 * each process keeps what it read and its cursor, and reads only the entries after it: a paging
 * job on an incident with 100k captured messages does not scan them all again on every step.
 */
export async function readPagingLog(store: IncidentStore, ref: IncidentRef): Promise<Revisioned[]> {
  let byIncident = cursors.get(store);
  if (!byIncident) {
    byIncident = new Map();
    cursors.set(store, byIncident);
  }
  const key = incidentKey(ref);
  const cached = byIncident.get(key);
  const log = cached ? [...cached.log] : [];
  let lastId = cached?.lastId;
  for await (const page of store.scan(ref, undefined, lastId)) {
    for (const event of page) {
      if (!isChatter(event.type)) log.push({ revision: log.length + 1, event });
    }
    lastId = page.at(-1)?.id ?? lastId;
  }
  if (!cached && byIncident.size >= MAX_CACHED) byIncident.clear();
  byIncident.set(key, { lastId, log });
  return [...log];
}

/**
 * `policy` chains page a severity's policy and end when the severity changes (the change re-plans);
 * `manual` chains follow one `/incident page` and outlive severity changes.
 */
export type ChainKind = 'policy' | 'manual';

export type ChainState = 'live' | 'not_started' | 'acknowledged' | 'resolved' | 'superseded';

/**
 * Whether a chain may still escalate. It starts at the event of its revision (the declaration, a
 * severity change, or a manual page) and stops at the first ack or resolve after that, or for a
 * policy chain at the next severity change. A chain whose start never reached the log (a step
 * planned for a page whose append lost a race) never fires.
 */
export function chainState(log: readonly Revisioned[], chain: string, kind: ChainKind): ChainState {
  const start = chainRevision(chain);
  const first = log.find((entry) => entry.revision === start)?.event;
  if (!first) return 'not_started';
  const starts =
    kind === 'manual'
      ? first.type === 'paged' && first.chain === chain
      : first.type === 'declared' || first.type === 'severity_changed';
  if (!starts) return 'not_started';
  for (const { revision, event } of log) {
    if (revision <= start) continue;
    if (event.type === 'acknowledged') return 'acknowledged';
    if (event.type === 'resolved') return 'resolved';
    if (kind === 'policy' && event.type === 'severity_changed') return 'superseded';
  }
  return 'live';
}

export function eventsOf<T extends StoredEvent['type']>(log: readonly Revisioned[], type: T): EventOf<T>[] {
  return log
    .filter((entry) => entry.event.type === type)
    .map((entry) => entry.event as unknown as EventOf<T>);
}

export function pagesOfChain(
  log: readonly Revisioned[],
  chain: string,
  step: number,
  round: number,
): EventOf<'paged'>[] {
  return eventsOf(log, 'paged').filter(
    (page) => page.chain === chain && (page.step ?? 0) === step && (page.round ?? 0) === round,
  );
}

export function stepFired(log: readonly Revisioned[], chain: string, step: number, round: number): boolean {
  return eventsOf(log, 'escalated').some(
    (event) => event.chain === chain && event.step === step && (event.round ?? 0) === round,
  );
}

/** Every chain the log knows of, with its kind: for cancelling what may still be pending. */
export function chainsIn(log: readonly Revisioned[]): { chain: string; kind: ChainKind }[] {
  const chains: { chain: string; kind: ChainKind }[] = [];
  for (const { revision, event } of log) {
    if (event.type === 'declared' || event.type === 'severity_changed')
      chains.push({ chain: `r${revision}`, kind: 'policy' });
    if (event.type === 'paged' && event.chain === `r${revision}`)
      chains.push({ chain: event.chain, kind: 'manual' });
  }
  return chains;
}

/**
 * Step jobs of a chain that may still be waiting: the one after the last fired step, and the one
 * after that (planned before its predecessor's events were appended). Cancelling a job that does
 * not exist is harmless, so both forms of "next" (same round, next round) are listed.
 */
export function pendingSteps(log: readonly Revisioned[], chain: string): { step: number; round: number }[] {
  const fired = eventsOf(log, 'escalated').filter((event) => event.chain === chain);
  const last = fired.at(-1);
  if (!last)
    return [
      { step: 1, round: 0 },
      { step: 2, round: 0 },
      { step: 1, round: 1 },
    ];
  const round = last.round ?? 0;
  return [
    { step: last.step + 1, round },
    { step: last.step + 2, round },
    { step: 1, round: round + 1 },
    { step: 2, round: round + 1 },
  ];
}
