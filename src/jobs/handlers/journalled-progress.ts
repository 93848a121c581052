import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { IncidentSpace } from '../../ports/chat-platform.ts';
import type {
  ProvisioningJournal,
  ProvisioningProgress,
  ProvisioningRecord,
} from '../../ports/provisioning-journal.ts';

/**
 * Provisioning progress backed by the journal: every platform call is announced in it before it
 * is made and recorded after it returns. A crash between the two leaves "begun" behind, and the
 * next attempt asks the platform what happened instead of doing it again.
 */
export class JournalledProgress implements ProvisioningProgress {
  private constructor(
    private readonly journal: ProvisioningJournal,
    private readonly ref: IncidentRef,
    private readonly record: ProvisioningRecord,
  ) {}

  static async load(journal: ProvisioningJournal, ref: IncidentRef): Promise<JournalledProgress> {
    return new JournalledProgress(journal, ref, await journal.read(ref));
  }

  /** Whether an earlier attempt may have left the space behind: what was said in it needs reading back. */
  get resumed(): boolean {
    return this.record.creating;
  }

  async space(
    findAgain: () => Promise<IncidentSpace | undefined>,
    create: () => Promise<IncidentSpace>,
  ): Promise<IncidentSpace> {
    if (this.record.space) return this.record.space;
    let space = this.record.creating ? await findAgain() : undefined;
    if (!space) {
      await this.journal.markCreating(this.ref);
      this.record.creating = true;
      space = await create();
    }
    await this.journal.recordSpace(this.ref, space);
    this.record.space = space;
    return space;
  }

  async step(name: string, run: () => Promise<void>, foundDone?: () => Promise<boolean>): Promise<void> {
    if (this.record.done.includes(name)) return;
    const mayBeDone = this.record.begun.includes(name);
    if (!(mayBeDone && foundDone && (await foundDone()))) {
      if (!mayBeDone) await this.journal.markBegun(this.ref, name);
      await run();
    }
    await this.journal.markDone(this.ref, name);
    this.record.done.push(name);
  }
}
