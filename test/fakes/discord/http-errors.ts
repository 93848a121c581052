/** Discord-shaped HTTP errors: `{ code, message, errors? }` bodies with Discord's JSON error codes. */

export const ERROR_MESSAGES: Record<number, string> = {
  0: 'General error',
  10002: 'Unknown Application',
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10013: 'Unknown User',
  10014: 'Unknown Emoji',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  10063: 'Unknown Application Command',
  30003: 'Maximum number of pins reached',
  30013: 'Maximum number of guild channels reached (500)',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50007: 'Cannot send messages to this user',
  50008: 'Cannot send messages in a non-text channel',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
  50109: 'The request body contains invalid JSON.',
  160004: 'A thread has already been created for this message',
};

/** A nested `errors` object as in Invalid Form Body responses, e.g. `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export type FormErrors = { [key: string]: FormErrors | { code: string; message: string }[] };

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message?: string,
    readonly errors?: FormErrors,
  ) {
    super(message ?? ERROR_MESSAGES[code] ?? `${status}`);
  }

  body(): Record<string, unknown> {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors }
      : { message: this.message, code: this.code };
  }
}

export const missingPermissions = (): DiscordHttpError => new DiscordHttpError(403, 50013);
export const missingAccess = (): DiscordHttpError => new DiscordHttpError(403, 50001);
export const unknownChannel = (): DiscordHttpError => new DiscordHttpError(404, 10003);
export const unknownMessage = (): DiscordHttpError => new DiscordHttpError(404, 10008);
export const notFound = (): DiscordHttpError => new DiscordHttpError(404, 0, '404: Not Found');
export const unauthorized = (): DiscordHttpError => new DiscordHttpError(401, 0, '401: Unauthorized');

/** Collects field errors by path (`['embeds', 0, 'title']`) and builds the nested 50035 `errors` object. */
export class FormErrorCollector {
  private readonly root: FormErrors = {};
  private count = 0;

  add(path: (string | number)[], code: string, message: string): void {
    let node: FormErrors = this.root;
    for (const key of path) {
      const existing = node[String(key)];
      if (existing === undefined || Array.isArray(existing)) {
        const next: FormErrors = {};
        node[String(key)] = next;
        node = next;
      } else {
        node = existing;
      }
    }
    const list = node._errors;
    if (Array.isArray(list)) list.push({ code, message });
    else node._errors = [{ code, message }];
    this.count += 1;
  }

  maxLength(path: (string | number)[], max: number): void {
    this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throws 400 50035 if any error was added. */
  throwIfAny(): void {
    if (this.count > 0) throw new DiscordHttpError(400, 50035, 'Invalid Form Body', this.root);
  }
}
