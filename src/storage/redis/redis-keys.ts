import type { IncidentRef, WorkspaceRef } from '../../core/model/incident-ref.ts';

/** Every key the store writes, namespaced by platform and workspace under one prefix. */
export class RedisKeys {
  constructor(readonly prefix: string = 'tocsin') {}

  workspaces(): string {
    return `${this.prefix}:workspaces`;
  }
  /** The prefix of every key of one workspace (the declare script builds incident keys from it). */
  ws(ref: WorkspaceRef): string {
    return `${this.prefix}:${ref.platform}:${ref.workspace}`;
  }
  sequence(ref: WorkspaceRef): string {
    return `${this.ws(ref)}:seq`;
  }
  channels(ref: WorkspaceRef): string {
    return `${this.ws(ref)}:channels`;
  }
  open(ref: WorkspaceRef): string {
    return `${this.ws(ref)}:open`;
  }
  all(ref: WorkspaceRef): string {
    return `${this.ws(ref)}:all`;
  }
  log(ref: IncidentRef): string {
    return `${this.ws(ref)}:inc:${ref.number}:log`;
  }
  revision(ref: IncidentRef): string {
    return `${this.ws(ref)}:inc:${ref.number}:rev`;
  }
  /** What provisioning of the incident's channel intended and did (see RedisProvisioningJournal). */
  provisioning(ref: IncidentRef): string {
    return `${this.ws(ref)}:inc:${ref.number}:provisioning`;
  }
  seenMessages(ref: IncidentRef): string {
    return `${this.ws(ref)}:inc:${ref.number}:seen`;
  }
  /** Open incident -> its severity, for the open-incidents gauge (see OpenSeverityIndex). */
  openSeverities(): string {
    return `${this.prefix}:open-severities`;
  }
  /** One entry per append, consumed by the reactors. */
  feed(): string {
    return `${this.prefix}:feed`;
  }
  dedupe(key: string): string {
    return `${this.prefix}:dedupe:${key}`;
  }
}
