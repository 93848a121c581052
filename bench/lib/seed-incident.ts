import type { IncidentEvent } from '../../src/core/model/events.ts';
import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import type { AdjustableClock } from '../../src/core/time/clock.ts';
import { type BenchApp, consoleContext, declareBenchIncident } from './bench-app.ts';
import { chatLines } from './chat-corpus.ts';

const START = Date.parse('2025-11-20T09:00:00Z');
const SPAN_MS = 3 * 3600_000;
const BATCH = 1000;

type Step = { at: number; command: string; user: string } | { at: number; chatter: IncidentEvent };

/**
 * Writes a realistic incident of `messages` captured messages: declared and provisioned through
 * the core, commands (roles, severity, status, notes, an action item, resolve) through the core,
 * and the chatter through the store's `appendChatter` in batches, as backfill writes it. About one
 * message in 100 is promoted, one in 200 edited and one in 1,000 deleted, so every view of the
 * log has work to do. The clock is set to each step's time, so the log reads like three hours.
 */
export async function seedIncident(
  app: BenchApp,
  clock: AdjustableClock,
  messages: number,
): Promise<{ ref: IncidentRef; channel: string }> {
  clock.set(new Date(START));
  const { ref, channel } = await declareBenchIncident(app, `checkout errors ${messages}`);
  const steps = [...commandSteps(messages), ...chatterSteps(messages, channel)].sort((a, b) => a.at - b.at);
  let pending: IncidentEvent[] = [];
  const flush = async () => {
    for (let i = 0; i < pending.length; i += BATCH) {
      await app.store.appendChatter(ref, pending.slice(i, i + BATCH));
    }
    pending = [];
  };
  for (const step of steps) {
    if ('chatter' in step) {
      pending.push(step.chatter);
      continue;
    }
    await flush();
    clock.set(new Date(step.at));
    const reply = await app.core.process({
      kind: 'command',
      text: step.command,
      context: consoleContext(channel, step.user),
    });
    if (reply?.error) throw new Error(`seeding "${step.command}" failed: ${reply.text}`);
  }
  await flush();
  await app.jobs.settle();
  clock.reset();
  return { ref, channel };
}

function commandSteps(messages: number): Step[] {
  const at = (fraction: number) => START + Math.round(fraction * SPAN_MS);
  const notes = Math.max(5, Math.floor(messages / 500));
  const noteTexts = chatLines(notes, 'note', 31);
  return [
    { at: at(0.02), command: 'role comms @bob', user: 'alice' },
    { at: at(0.05), command: 'sev sev1 payments failing for all EU customers', user: 'alice' },
    {
      at: at(0.3),
      command: 'status identified connection pool exhausted after the pricing-engine rollout',
      user: 'alice',
    },
    { at: at(0.6), command: 'status monitoring flag rolled back, error rate falling', user: 'alice' },
    { at: at(0.7), command: 'action alert on pool saturation @chen priority high', user: 'alice' },
    { at: at(0.99), command: 'resolve pricing-engine flag rolled back; pool sized for peak', user: 'alice' },
    ...noteTexts.map((line, i) => ({
      at: at(0.05 + (0.9 * (i + 1)) / (notes + 1)),
      command: `note ${line.text.split('\n')[0]}`,
      user: line.user,
    })),
  ];
}

function chatterSteps(messages: number, channel: string): Step[] {
  const steps: Step[] = [];
  chatLines(messages, 'msg').forEach((line, i) => {
    const occurred = START + Math.round(((i + 1) / (messages + 1)) * SPAN_MS);
    const context = consoleContext(channel, line.user);
    const base = {
      at: new Date(occurred + 300).toISOString(),
      actor: context.actor,
      origin: { platform: context.platform, workspace: context.workspace, channel },
    };
    const { messageId } = line;
    const step = (offset: number, body: Record<string, unknown>) =>
      steps.push({ at: occurred + offset, chatter: { ...base, ...body } as IncidentEvent });
    step(0, {
      type: 'message_captured',
      messageId,
      text: line.text,
      occurredAt: new Date(occurred).toISOString(),
    });
    if (i % 100 === 7) step(1000, { type: 'message_promoted', messageId });
    if (i % 200 === 11)
      step(2000, {
        type: 'message_edited',
        messageId,
        text: `${line.text} (edited)`,
        editedAt: new Date(occurred + 2000).toISOString(),
      });
    if (i % 1000 === 13) step(3000, { type: 'message_deleted', messageId });
  });
  return steps;
}
