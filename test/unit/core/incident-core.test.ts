import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/app/app-services.ts';
import { coreSettings } from '../../../src/app/core-settings.ts';
import { COMMANDS } from '../../../src/core/commands/command-registry.ts';
import type { PostmortemDraft, PostmortemWriter } from '../../../src/core/core-services.ts';
import { SystemError } from '../../../src/core/errors.ts';
import type { InboundContext } from '../../../src/core/inbound-event.ts';
import { IncidentCore } from '../../../src/core/incident-core.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import { type ReactionInput, ReactionRegistry } from '../../../src/core/reactions/reaction-registry.ts';
import { Reactor } from '../../../src/core/reactions/reactor.ts';
import { ManualClock } from '../../../src/core/time/clock.ts';
import { createPagingDirectory } from '../../../src/paging/paging-directory.ts';
import { registerPagingReactions } from '../../../src/paging/paging-follow-ups.ts';
import { PlatformRegistry } from '../../../src/ports/chat-platform.ts';
import { MemoryIncidentStore } from '../../support/memory-incident-store.ts';
import { testConfig } from '../../support/test-app.ts';

const NOW = new Date('2025-11-20T10:00:00.000Z');
const INCIDENT_CHANNEL = 'C-INC';

/** Counts renders and writes, as the file-backed writer would do them. */
class CountingWriter implements PostmortemWriter {
  renders = 0;
  writes: string[] = [];
  async render(ref: IncidentRef): Promise<PostmortemDraft> {
    this.renders += 1;
    return {
      path: `/drafts/INC-${ref.number}.md`,
      content: '# draft',
      template: 'report',
      digest: 'd1',
      changes: [],
    };
  }
  async write(_ref: IncidentRef, generated: StoredEvent): Promise<void> {
    this.writes.push(generated.id);
  }
  templateNames(): string[] {
    return ['report'];
  }
}

interface Jobs {
  enqueued: { name: string; jobId: string | undefined }[];
}

function setup() {
  const store = new MemoryIncidentStore();
  const clock = new ManualClock(NOW);
  const config = testConfig({
    default_severity: 'sev1',
    severities: [{ id: 'SEV1', page: [], escalate_if_unacked: '5m' }],
  });
  const jobs: Jobs & AppServices['jobs'] = {
    enqueued: [],
    enqueue: async (name, _data, options) => void jobs.enqueued.push({ name, jobId: options?.jobId }),
    cancel: async () => true,
    settle: async () => {},
  };
  const postmortems = new CountingWriter();
  const services = {
    store,
    clock,
    config,
    jobs,
    settings: coreSettings(config),
    paging: createPagingDirectory(config),
    redactor: { redact: (text: string) => text.replaceAll('hunter2', '[REDACTED]') },
    commands: COMMANDS,
    postmortems,
    platforms: new PlatformRegistry(),
  } as unknown as AppServices;
  const core = new IncidentCore(services);
  return { store, clock, jobs, postmortems, services, core };
}

function context(channel: string, eventId?: string): InboundContext {
  return {
    platform: 'console',
    workspace: 'local',
    channel,
    actor: { id: 'alice', name: 'alice' },
    ...(eventId === undefined ? {} : { eventId }),
  };
}

async function declare(env: ReturnType<typeof setup>): Promise<IncidentRef> {
  const reply = await env.core.process({
    kind: 'command',
    text: 'start checkout errors',
    context: context('general'),
  });
  const ref = reply?.incident as IncidentRef;
  await env.store.linkChannel(ref, INCIDENT_CHANNEL);
  return ref;
}

function note(text: string, eventId?: string) {
  return { kind: 'command' as const, text: `note ${text}`, context: context(INCIDENT_CHANNEL, eventId) };
}

/** A registry that records which events each reaction saw. */
function recordingRegistry(seen: ReactionInput[], fail = () => false): ReactionRegistry {
  return new ReactionRegistry().on('note_added', 'record', async (input) => {
    if (fail()) throw new Error('reaction failed');
    seen.push(input);
  });
}

describe('IncidentCore with an in-memory store and a manual clock', () => {
  it('records a note with its author, its channel and the clock’s time, and says so', async () => {
    const env = setup();
    const ref = await declare(env);
    env.clock.advance(60_000);
    const reply = await env.core.process(note('rolled back deploy 4411'));
    expect(reply?.text).toBe('Noted: rolled back deploy 4411');
    const last = (await env.store.read(ref)).at(-1);
    expect(last).toMatchObject({
      type: 'note_added',
      text: 'rolled back deploy 4411',
      at: '2025-11-20T10:01:00.000Z',
      actor: { id: 'alice' },
      origin: { channel: INCIDENT_CHANNEL },
    });
  });

  it('redacts a pasted secret once, where the reply leaves the core', async () => {
    const env = setup();
    await declare(env);
    const reply = await env.core.process(note('password is hunter2'));
    expect(reply?.text).toBe('Noted: password is [REDACTED]');
  });

  it('records a delivery seen twice once, and answers the repeat with nothing', async () => {
    const env = setup();
    const ref = await declare(env);
    expect(await env.core.process(note('first', 'E1'))).toBeDefined();
    expect(await env.core.process(note('first', 'E1'))).toBeUndefined();
    const notes = (await env.store.read(ref)).filter((event) => event.type === 'note_added');
    expect(notes).toHaveLength(1);
  });

  it('processes the retry of a delivery whose first attempt failed', async () => {
    const env = setup();
    const ref = await declare(env);
    let failures = 1;
    env.store.beforeAppend = () => {
      if (failures-- > 0) throw new Error('connection reset');
    };
    await expect(env.core.process(note('after the outage', 'E2'))).rejects.toBeInstanceOf(SystemError);
    const reply = await env.core.process(note('after the outage', 'E2'));
    expect(reply?.text).toBe('Noted: after the outage');
    const notes = (await env.store.read(ref)).filter((event) => event.type === 'note_added');
    expect(notes).toHaveLength(1);
  });

  it('runs the reaction to an event logged just before a crash, once, after the restart', async () => {
    const env = setup();
    await declare(env);
    // The process dies after the append: no reactor ever saw the event.
    await env.core.process(note('logged, then the process died'));
    const seen: ReactionInput[] = [];
    const restarted = new Reactor(env.store.feed, env.store, recordingRegistry(seen));
    await restarted.drain();
    await restarted.drain();
    expect(seen.map((input) => input.event.type)).toEqual(['note_added']);
    expect(await env.store.feed.backlog()).toBe(0);
  });

  it('retries a reaction that failed, and acknowledges it only once it ran', async () => {
    const env = setup();
    await declare(env);
    await env.core.process(note('needs its reaction'));
    const seen: ReactionInput[] = [];
    let failures = 1;
    const reactor = new Reactor(
      env.store.feed,
      env.store,
      recordingRegistry(seen, () => failures-- > 0),
    );
    await reactor.drain();
    expect(seen).toHaveLength(1);
    expect(await env.store.feed.backlog()).toBe(0);
  });

  it('retries its own entries soon when the store failed in the middle of a batch', async () => {
    const env = setup();
    await declare(env);
    await env.core.process(note('said during a blip'));
    const range = env.store.range.bind(env.store);
    let failures = 1;
    env.store.range = async (...args) => {
      if (failures-- > 0) throw new Error('connection reset');
      return range(...args);
    };
    const seen: ReactionInput[] = [];
    // Claiming other consumers' entries is far off: only the retry of its own pending ones can help.
    const reactor = new Reactor(env.store.feed, env.store, recordingRegistry(seen), {
      blockMs: 10,
      claimIdleMs: 60_000,
    });
    reactor.start();
    await expect.poll(() => seen.length, { timeout: 3_000 }).toBe(1);
    await reactor.stop();
    expect(await env.store.feed.backlog()).toBe(0);
  });

  it('under contention, re-decides a postmortem but renders and writes its draft once', async () => {
    const env = setup();
    const ref = await declare(env);
    let interleaved = false;
    env.store.beforeAppend = (request) => {
      // Another writer appends between this command's read and its write, once.
      if (interleaved || request.expectedRevision === undefined) return;
      interleaved = true;
      void env.store.append({ ...request, events: [racingNote()] });
    };
    const reply = await env.core.process({
      kind: 'command',
      text: 'postmortem',
      context: context(INCIDENT_CHANNEL),
    });
    expect(reply?.text).toContain('written to /drafts/INC-1.md');
    const reactor = new Reactor(env.store.feed, env.store, writerRegistry(env.postmortems));
    await reactor.drain();
    const generated = (await env.store.read(ref)).filter((event) => event.type === 'postmortem_generated');
    expect(generated).toHaveLength(1);
    expect(env.postmortems.renders).toBe(1);
    expect(env.postmortems.writes).toEqual([generated[0]?.id]);
    expect(env.store.appends).toBeGreaterThan(2);
  });

  it('under contention, a manual page starts one chain: one delivery and one escalation step', async () => {
    const env = setup();
    const ref = await declare(env);
    let interleaved = false;
    env.store.beforeAppend = (request) => {
      if (interleaved || request.expectedRevision === undefined) return;
      interleaved = true;
      void env.store.append({ ...request, events: [racingNote()] });
    };
    const reply = await env.core.process({
      kind: 'command',
      text: 'page @sam need a DBA',
      context: context(INCIDENT_CHANNEL),
    });
    expect(reply?.text).toBe('Paging @sam: need a DBA');
    const registry = new ReactionRegistry();
    registerPagingReactions(registry, env.services);
    await new Reactor(env.store.feed, env.store, registry).drain();
    const pages = (await env.store.read(ref)).filter((event) => event.type === 'paged');
    expect(pages).toHaveLength(1);
    const chain = env.jobs.enqueued.filter(
      (job) => job.name === 'escalation-step' || job.name === 'page-delivery',
    );
    expect(chain.map((job) => job.name).sort()).toEqual(['escalation-step', 'page-delivery']);
    // Named after the page's revision (3: after the declaration and the racing note), not a retry's.
    expect(chain.every((job) => /\br3\b/.test(job.jobId ?? ''))).toBe(true);
  });

  it('refuses a command outside an incident channel without writing anything', async () => {
    const env = setup();
    const reply = await env.core.process({
      kind: 'command',
      text: 'note hello',
      context: context('general'),
    });
    expect(reply?.error?.identifier).toBe('not_an_incident_channel');
    expect(env.store.appends).toBe(0);
  });
});

function racingNote() {
  return {
    type: 'note_added' as const,
    text: 'racing note',
    occurredAt: NOW.toISOString(),
    at: NOW.toISOString(),
    actor: { id: 'bob', name: 'bob' },
    origin: { platform: 'console', workspace: 'local', channel: INCIDENT_CHANNEL },
  };
}

function writerRegistry(writer: PostmortemWriter): ReactionRegistry {
  return new ReactionRegistry().on('postmortem_generated', 'write-postmortem', ({ ref, event }) =>
    writer.write(ref, event),
  );
}
