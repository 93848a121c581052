import type { IncidentRef } from '../core/model/incident-ref.ts';

/** The channel (or thread) an incident lives in, as its platform names it. */
export interface IncidentSpace {
  channelId: string;
  channelName: string;
  url?: string;
}

/** What earlier attempts at opening one incident's space recorded before they stopped. */
export interface ProvisioningRecord {
  /** An attempt was about to ask the platform to create the space: it may exist, unrecorded. */
  creating: boolean;
  /** The space the platform created (or that was found again), recorded as soon as it was known. */
  space?: IncidentSpace;
  /** Steps an attempt started: their effect may be on the platform although they are not done. */
  begun: string[];
  /** Steps known to be done on the platform. */
  done: string[];
}

/**
 * Where provisioning writes down what it is about to do and what it did, before and after each
 * platform call, so that a retry after a crash finds the channel again instead of creating another.
 */
export interface ProvisioningJournal {
  read(ref: IncidentRef): Promise<ProvisioningRecord>;
  markCreating(ref: IncidentRef): Promise<void>;
  recordSpace(ref: IncidentRef, space: IncidentSpace): Promise<void>;
  markBegun(ref: IncidentRef, step: string): Promise<void>;
  markDone(ref: IncidentRef, step: string): Promise<void>;
}

/**
 * What a platform's provisioning is handed: each platform call it makes goes through one of these,
 * so that every call is journalled before it is made and after it returns.
 */
export interface ProvisioningProgress {
  /**
   * The incident's space: the one recorded; else, when an earlier attempt got as far as creating
   * it, the one `findAgain` finds on the platform (by its name or marker); else a new one from
   * `create`. The intent is written before `create` is called and the space right after.
   */
  space(
    findAgain: () => Promise<IncidentSpace | undefined>,
    create: () => Promise<IncidentSpace>,
  ): Promise<IncidentSpace>;
  /**
   * Runs `run` unless the step is done. When an earlier attempt began it and may have done it
   * before it stopped, `foundDone` asks the platform first (a message already posted).
   */
  step(name: string, run: () => Promise<void>, foundDone?: () => Promise<boolean>): Promise<void>;
}

/** For platforms and tools that open spaces without a journal (the console): every step runs. */
export const UNJOURNALLED: ProvisioningProgress = {
  space: (_findAgain, create) => create(),
  step: (_name, run) => run(),
};
