import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';

/**
 * The key that signs sign-in links and session cookies: WEB_SESSION_SECRET when set, else one
 * generated once and kept in Redis, so every replica (and the next start) signs alike.
 */
export class WebSigner {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly redis: RedisConnection,
    private readonly redisKey: string,
    private readonly configured: string | undefined,
  ) {}

  /** `<value>.<mac>`: the value with its HMAC-SHA256, base64url. */
  async sign(value: string): Promise<string> {
    return `${value}.${mac(await this.secret(), value)}`;
  }

  /** The value of a signed string, or undefined when the signature does not match. */
  async verify(signed: string): Promise<string | undefined> {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const value = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1));
    const expected = Buffer.from(mac(await this.secret(), value));
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
  }

  private secret(): Promise<Buffer> {
    this.key ??= this.load().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<Buffer> {
    if (this.configured) return Buffer.from(this.configured);
    // NX: the first replica to start picks it; everyone else reads that one.
    await this.redis.set(this.redisKey, randomBytes(32).toString('base64url'), 'NX');
    const stored = await this.redis.get(this.redisKey);
    if (!stored) throw new Error('the web view signing secret could not be kept in Redis');
    return Buffer.from(stored);
  }
}

function mac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** An unguessable id for a link or a session. */
export function randomId(): string {
  return randomBytes(24).toString('base64url');
}
