import type { WebViewer } from '../ports/sign-in-links.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { randomId, type WebSigner } from './web-secret.ts';

export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'tocsin_session';

/** Web sessions, kept in Redis with their lifetime, so they end on time on every replica. */
export class RedisWebSessions {
  constructor(
    private readonly redis: RedisConnection,
    private readonly signer: WebSigner,
    private readonly keyPrefix: string,
  ) {}

  /** Starts a session; the signed cookie value. */
  async start(viewer: WebViewer): Promise<string> {
    const id = randomId();
    await this.redis.set(this.key(id), JSON.stringify(viewer), 'PX', SESSION_HOURS * 3600_000);
    return this.signer.sign(id);
  }

  /** The viewer of a cookie value; undefined when forged, expired or unknown. */
  async find(cookie: string | undefined): Promise<WebViewer | undefined> {
    if (!cookie) return undefined;
    const id = await this.signer.verify(cookie);
    if (id === undefined) return undefined;
    const stored = await this.redis.get(this.key(id));
    return stored === null ? undefined : parseViewer(stored);
  }

  /** Ends the session of a cookie value now (signing out), wherever else it is open. */
  async end(cookie: string | undefined): Promise<void> {
    const id = cookie && (await this.signer.verify(cookie));
    if (id) await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return `${this.keyPrefix}:session:${id}`;
  }
}

/** A viewer as stored; anything else (an older shape, a corrupt value) signs nobody in. */
export function parseViewer(stored: string): WebViewer | undefined {
  try {
    const value = JSON.parse(stored) as Partial<WebViewer>;
    if (
      typeof value.platform === 'string' &&
      typeof value.workspace === 'string' &&
      typeof value.actor?.id === 'string' &&
      typeof value.actor.name === 'string'
    ) {
      return {
        platform: value.platform,
        workspace: value.workspace,
        actor: { id: value.actor.id, name: value.actor.name },
      };
    }
  } catch {
    // Falls through: not a viewer.
  }
  return undefined;
}
