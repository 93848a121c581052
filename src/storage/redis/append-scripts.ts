/**
 * Lua runs atomically in Redis, so the delivery check, the revision check, the append and the
 * feed entry that drives the reactions cannot be split by another writer or by a crash: two bot
 * processes never lose or reorder an event, and no logged event misses its reactions.
 *
 * Every script ends by adding one entry to the feed stream: the incident, the first and last
 * stream id written, the revision before, and the event types (so the reactor can skip appends
 * nothing reacts to without reading them).
 */
const FEED_ENTRY = `
local function feed(feedKey, ref, from, to, revision, types)
  if from then
    return redis.call('XADD', feedKey, '*', 'ref', ref, 'from', from, 'to', to, 'rev', tostring(revision), 'types', types)
  end
  return ''
end
`;

/**
 * KEYS: log, revision, open-set, feed, then the delivery key when there is one, all in the
 * incident's shard (an empty key name would be a key of slot 0 to a Cluster, so none is left out).
 * ARGV: expected revision, open-set action ('open'|'close'|''), incident number, ref JSON,
 * event types, delivery TTL in seconds, the last stream id the decision saw, '1' when that id must
 * still be the log's last (a decision made on a cached fold, chatter included), then the events as
 * JSON. Returns the new revision, the feed entry's id, 1 when nothing came between the decision's
 * last id and these events (so the caller may fold them into its cache), and the new stream ids;
 * -1 when another writer got there first, -2 for a duplicate delivery, -3 when a cached fold was
 * behind the log.
 */
export const APPEND_IF_REVISION = `${FEED_ENTRY}
if KEYS[5] and redis.call('EXISTS', KEYS[5]) == 1 then return -2 end
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
local tip = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local contiguous = tip ~= nil and tip[1] == ARGV[7]
if ARGV[8] == '1' and not contiguous then return -3 end
local ids = {}
for i = 9, #ARGV do
  ids[#ids + 1] = redis.call('XADD', KEYS[1], '*', 'e', ARGV[i])
end
local revision = current + #ids
redis.call('SET', KEYS[2], revision)
if ARGV[2] == 'open' then redis.call('SADD', KEYS[3], ARGV[3]) end
if ARGV[2] == 'close' then redis.call('SREM', KEYS[3], ARGV[3]) end
if KEYS[5] then redis.call('SET', KEYS[5], '1', 'EX', tonumber(ARGV[6])) end
local feedId = feed(KEYS[4], ARGV[4], ids[1], ids[#ids], current, ARGV[5])
return { revision, feedId, contiguous and 1 or 0, unpack(ids) }
`;

/**
 * Chatter (messages, edits, deletions, 📌): no revision check, since chatter never changes the
 * revision. KEYS: log, seen-hash, feed, revision. ARGV: ref JSON, event types, delivery TTL, then
 * triples of (delivery key or '', message id to deduplicate on or '', event JSON). The delivery
 * keys are in the incident's shard too (RedisKeys.appendDelivery), so Cluster lets the script reach them. A captured
 * message whose id was seen before (a retry, a backfill) is skipped, and so is an event whose
 * delivery was done before. Returns the log's last id before these, one flag per event (1 written,
 * 0 skipped), and the stream ids of those written.
 */
export const APPEND_CHATTER = `${FEED_ENTRY}
local tip = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local written = {}
local ids = {}
local first, last
for i = 4, #ARGV, 3 do
  local delivery = ARGV[i]
  local id = ARGV[i + 1]
  local fresh = delivery == '' or redis.call('EXISTS', delivery) == 0
  if fresh and (id == '' or redis.call('HSETNX', KEYS[2], id, '1') == 1) then
    last = redis.call('XADD', KEYS[1], '*', 'e', ARGV[i + 2])
    first = first or last
    ids[#ids + 1] = last
    if delivery ~= '' then redis.call('SET', delivery, '1', 'EX', tonumber(ARGV[3])) end
    written[#written + 1] = 1
  else
    written[#written + 1] = 0
  end
end
feed(KEYS[3], ARGV[1], first, last, tonumber(redis.call('GET', KEYS[4]) or '0'), ARGV[2])
return { tip and tip[1] or '', written, ids }
`;

/**
 * A declaration, first step, in the workspace's slot: the next number. A delivery (a platform's
 * event id) keeps the number it took, so its retry finishes that incident instead of opening a
 * second one. A crash after this step skips a number, and nobody was told of that incident.
 * KEYS: sequence, then the declaration key when there is one. ARGV: delivery TTL. Returns the number.
 */
export const RESERVE_NUMBER = `
if KEYS[2] then
  local taken = redis.call('GET', KEYS[2])
  if taken then return tonumber(taken) end
end
local number = redis.call('INCR', KEYS[1])
if KEYS[2] then redis.call('SET', KEYS[2], number, 'EX', tonumber(ARGV[1])) end
return number
`;

/**
 * A declaration, second step, in the incident's shard: the `declared` event, the shard's open and
 * all indexes and the feed entry, in one step, once: a retry of a declaration that got here before
 * finds the revision and writes nothing.
 * KEYS: log, revision, open-set, all-zset, feed. ARGV: number, event JSON, ref JSON.
 * Returns 1 when written, -2 when the incident was declared already.
 */
export const DECLARE = `${FEED_ENTRY}
if redis.call('EXISTS', KEYS[2]) == 1 then return -2 end
local id = redis.call('XADD', KEYS[1], '*', 'e', ARGV[2])
redis.call('SET', KEYS[2], '1')
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], tonumber(ARGV[1]), ARGV[1])
feed(KEYS[5], ARGV[3], id, id, 0, 'declared')
return 1
`;
