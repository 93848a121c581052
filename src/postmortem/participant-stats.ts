import { BOT_ACTOR } from '../core/append-system-events.ts';
import type { Actor, Role } from '../core/model/events.ts';
import type { CapturedMessageView } from '../core/timeline/build-timeline.ts';
import type { DraftRedactor } from './draft-redactor.ts';
import type { Participant } from './postmortem-model.ts';

/** Counts who said how much, message by message, without keeping the messages. */
export class ParticipantTally {
  private readonly people = new Map<string, { actor: Actor; messages: number; commands: number }>();
  captured = 0;
  deleted = 0;
  edited = 0;
  promoted = 0;

  countMessage(message: CapturedMessageView): void {
    this.captured += 1;
    if (message.deleted) {
      this.deleted += 1;
      return;
    }
    if (message.edited) this.edited += 1;
    if (message.promoted) this.promoted += 1;
    this.person(message.author).messages += 1;
  }

  countCommands(actor: Actor, count: number): void {
    this.person(actor).commands += count;
  }

  /** Most active first (messages and commands); ties by name, so the order never depends on interleaving. */
  participants(roles: readonly { role: Role; person: Actor }[], redact: DraftRedactor): Participant[] {
    const rolesOf = new Map<string, Role[]>();
    for (const { role, person } of roles) {
      const held = rolesOf.get(person.id) ?? [];
      if (!held.includes(role)) held.push(role);
      rolesOf.set(person.id, held);
      this.person(person);
    }
    return [...this.people.values()]
      .sort(
        (a, b) =>
          b.messages + b.commands - (a.messages + a.commands) ||
          b.messages - a.messages ||
          a.actor.name.localeCompare(b.actor.name) ||
          a.actor.id.localeCompare(b.actor.id),
      )
      .map(({ actor, messages, commands }) => ({
        person: redact.actor(actor),
        messages,
        commands,
        roles: rolesOf.get(actor.id) ?? [],
      }));
  }

  private person(actor: Actor): { actor: Actor; messages: number; commands: number } {
    let entry = this.people.get(actor.id);
    if (!entry) {
      entry = { actor, messages: 0, commands: 0 };
      if (actor.id !== BOT_ACTOR.id) this.people.set(actor.id, entry);
    }
    return entry;
  }
}
