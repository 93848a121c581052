/**
 * A feed entry is named by its shard and its id in that shard's stream (`3/1700000000000-0`), so
 * whoever holds the id (a command waiting for its reactions, the reactor acknowledging) can
 * reach the one stream it is in.
 */
export function feedEntryId(shard: number, streamId: string): string {
  return `${shard}/${streamId}`;
}

/** The shard and stream id of a feed entry id; undefined for anything feedEntryId did not make. */
export function parseFeedEntryId(id: string): { shard: number; streamId: string } | undefined {
  const slash = id.indexOf('/');
  const shard = Number(id.slice(0, slash));
  if (slash <= 0 || !Number.isInteger(shard)) return undefined;
  return { shard, streamId: id.slice(slash + 1) };
}
