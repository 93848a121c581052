import type { FakeDiscordState } from './fake-discord-state.ts';
import { DiscordHttpError } from './http-errors.ts';
import type { FakeCommand, FakeInteractionRecord, InteractionCallbackRecord } from './model-types.ts';

/** Application commands (global and per guild) and the interactions the fake has dispatched. */
export class CommandStore {
  private readonly byScope = new Map<string, FakeCommand[]>();
  readonly interactions = new Map<string, FakeInteractionRecord>();
  /** Every accepted interaction callback, in order. */
  readonly callbacks: InteractionCallbackRecord[] = [];

  constructor(private readonly state: FakeDiscordState) {}

  /** `guildId` null = global commands. */
  list(guildId: string | null): FakeCommand[] {
    return [...(this.byScope.get(guildId ?? 'global') ?? [])];
  }

  /** Bulk overwrite (PUT): keeps the id of a command whose name and type are unchanged, like Discord. */
  overwrite(guildId: string | null, bodies: Record<string, unknown>[]): FakeCommand[] {
    const old = this.list(guildId);
    const next = bodies.map((body) => {
      const kept = old.find((c) => c.body.name === body.name && (c.body.type ?? 1) === (body.type ?? 1));
      return this.make(guildId, body, kept?.id);
    });
    this.byScope.set(guildId ?? 'global', next);
    return next;
  }

  /** POST: creates, or replaces the command with the same name and type. */
  upsert(guildId: string | null, body: Record<string, unknown>): { command: FakeCommand; created: boolean } {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.body.name === body.name && (c.body.type ?? 1) === (body.type ?? 1));
    const command = this.make(guildId, body, index >= 0 ? list[index]?.id : undefined);
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.byScope.set(guildId ?? 'global', list);
    return { command, created: index < 0 };
  }

  /** PATCH: replaces one command's body, keeping its id. */
  replace(cmd: FakeCommand, body: Record<string, unknown>): FakeCommand {
    const list = this.list(cmd.guildId);
    const next = this.make(cmd.guildId, body, cmd.id);
    list[list.findIndex((c) => c.id === cmd.id)] = next;
    this.byScope.set(cmd.guildId ?? 'global', list);
    return next;
  }

  remove(guildId: string | null, id: string): void {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.id === id);
    if (index < 0) throw new DiscordHttpError(404, 10063);
    list.splice(index, 1);
    this.byScope.set(guildId ?? 'global', list);
  }

  /** A registered command by name, guild commands first. */
  findByName(name: string, guildId: string | null): FakeCommand | undefined {
    return [...this.list(guildId), ...this.list(null)].find((c) => c.body.name === name);
  }

  wire(cmd: FakeCommand): Record<string, unknown> {
    return {
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      ...cmd.body,
      id: cmd.id,
      application_id: cmd.applicationId,
      version: cmd.version,
      ...(cmd.guildId ? { guild_id: cmd.guildId } : {}),
    };
  }

  registerInteraction(record: FakeInteractionRecord): void {
    this.interactions.set(record.id, record);
  }

  /** The interaction for a callback URL; 404 10062 when the id or token is wrong. */
  requireInteraction(id: string, token: string): FakeInteractionRecord {
    const record = this.interactions.get(id);
    if (!record || record.token !== token) throw new DiscordHttpError(404, 10062);
    return record;
  }

  /** The interaction for a webhook URL (`/webhooks/:application_id/:token`); 404 10015 otherwise. */
  requireByToken(applicationId: string, token: string): FakeInteractionRecord {
    for (const record of this.interactions.values()) {
      if (record.token === token && record.applicationId === applicationId) return record;
    }
    throw new DiscordHttpError(404, 10015);
  }

  private make(guildId: string | null, body: Record<string, unknown>, id?: string): FakeCommand {
    return {
      id: id ?? this.state.snowflakes.next(),
      applicationId: this.state.ids.applicationId,
      guildId,
      version: this.state.snowflakes.next(),
      body: { ...body },
    };
  }
}
