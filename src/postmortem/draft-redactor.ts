import type { Actor } from '../core/model/events.ts';
import type { Redactor } from '../redaction/redact-secrets.ts';

/**
 * The one gate user text passes on its way into a draft: every string is redacted here, and the
 * count of secrets replaced goes into the draft's statistics.
 */
export class DraftRedactor {
  private redacted = 0;
  private readonly names = new Map<string, Actor>();

  constructor(private readonly redactor: Redactor) {}

  text(value: string): string {
    const result = this.redactor.redactWithCount(value);
    this.redacted += result.count;
    return result.text;
  }

  optional(value: string | undefined): string | undefined {
    return value === undefined ? undefined : this.text(value);
  }

  /** Display names are typed by people too; each person is redacted once. */
  actor(actor: Actor): Actor {
    const key = `${actor.id}\u0000${actor.name}`;
    let clean = this.names.get(key);
    if (!clean) {
      clean = { id: this.text(actor.id), name: this.text(actor.name) };
      this.names.set(key, clean);
    }
    return clean;
  }

  get count(): number {
    return this.redacted;
  }
}
