import type { SignInLinks, WebViewer } from '../ports/sign-in-links.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { randomId, type WebSigner } from './web-secret.ts';
import { parseViewer } from './web-sessions.ts';

export const SIGN_IN_LINK_MINUTES = 10;
export const SIGN_IN_PATH = '/web/sign-in';
/**
 * The link's query parameter. Not `token=`: every reply leaves the core through the secret
 * redactor, which rightly blanks `token=<value>`; OAuth's word for a one-time grant is `code`.
 */
export const SIGN_IN_PARAM = 'code';

/**
 * Single-use, signed links that expire: the signature refuses a forged or altered link before
 * Redis is asked, and GETDEL makes the second use of a real one find nothing.
 */
export class RedisSignInLinks implements SignInLinks {
  constructor(
    private readonly redis: RedisConnection,
    private readonly signer: WebSigner,
    private readonly keyPrefix: string,
    private readonly baseUrl: string,
  ) {}

  async issue(viewer: WebViewer): Promise<{ url: string; expiresInMinutes: number }> {
    const id = randomId();
    await this.redis.set(this.key(id), JSON.stringify(viewer), 'PX', SIGN_IN_LINK_MINUTES * 60_000);
    const url = new URL(SIGN_IN_PATH, this.baseUrl);
    url.searchParams.set(SIGN_IN_PARAM, await this.signer.sign(id));
    return { url: url.toString(), expiresInMinutes: SIGN_IN_LINK_MINUTES };
  }

  /** The viewer the link was issued to, once; undefined when forged, used or expired. */
  async redeem(code: string): Promise<WebViewer | undefined> {
    const id = await this.signer.verify(code);
    if (id === undefined) return undefined;
    const stored = await this.redis.getdel(this.key(id));
    return stored === null ? undefined : parseViewer(stored);
  }

  private key(id: string): string {
    return `${this.keyPrefix}:link:${id}`;
  }
}
