/**
 * The console's memory of what was said, so that `/edit`, `/delete`, `/pin` and `/unpin` can
 * name a message without ids: yours last in this channel (to edit or delete), or the channel's
 * last (to pin). Only ids live here; the text is in the incident's log.
 */
export class SaidMessages {
  private readonly byAuthor = new Map<string, string>();
  private readonly byChannel = new Map<string, string>();

  record(channel: string, author: string, messageId: string): void {
    this.byAuthor.set(authorKey(channel, author), messageId);
    this.byChannel.set(channel, messageId);
  }

  lastBy(channel: string, author: string): string | undefined {
    return this.byAuthor.get(authorKey(channel, author));
  }

  lastIn(channel: string): string | undefined {
    return this.byChannel.get(channel);
  }

  /** A deleted message can be neither edited nor pinned again. */
  forget(channel: string, author: string, messageId: string): void {
    if (this.byAuthor.get(authorKey(channel, author)) === messageId)
      this.byAuthor.delete(authorKey(channel, author));
    if (this.byChannel.get(channel) === messageId) this.byChannel.delete(channel);
  }
}

function authorKey(channel: string, author: string): string {
  return `${channel}\u0000${author}`;
}
