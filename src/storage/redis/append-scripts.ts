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
 * KEYS: log, revision, open-set, feed, delivery key ('' for none).
 * ARGV: expected revision, open-set action ('open'|'close'|''), incident number, ref JSON,
 * event types, delivery TTL in seconds, then the events as JSON.
 * Returns the new revision and the feed entry's id, -1 when another writer got there first, -2 for a
 * duplicate delivery.
 */
export const APPEND_IF_REVISION = `${FEED_ENTRY}
if KEYS[5] ~= '' and redis.call('EXISTS', KEYS[5]) == 1 then return -2 end
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
local first, last
for i = 7, #ARGV do
  last = redis.call('XADD', KEYS[1], '*', 'e', ARGV[i])
  first = first or last
end
redis.call('SET', KEYS[2], current + #ARGV - 6)
if ARGV[2] == 'open' then redis.call('SADD', KEYS[3], ARGV[3]) end
if ARGV[2] == 'close' then redis.call('SREM', KEYS[3], ARGV[3]) end
if KEYS[5] ~= '' then redis.call('SET', KEYS[5], '1', 'EX', tonumber(ARGV[6])) end
local feedId = feed(KEYS[4], ARGV[4], first, last, current, ARGV[5])
return { current + #ARGV - 6, feedId }
`;

/**
 * Chatter (messages, edits, deletions, 📌): no revision check, since chatter never changes the
 * revision. KEYS: log, seen-hash, feed, revision. ARGV: ref JSON, event types, delivery TTL, then
 * triples of (delivery key or '', message id to deduplicate on or '', event JSON). A captured
 * message whose id was seen before (a retry, a backfill) is skipped, and so is an event whose
 * delivery was done before. Returns one flag per event: 1 written, 0 skipped.
 */
export const APPEND_CHATTER = `${FEED_ENTRY}
local written = {}
local first, last
for i = 4, #ARGV, 3 do
  local delivery = ARGV[i]
  local id = ARGV[i + 1]
  local fresh = delivery == '' or redis.call('EXISTS', delivery) == 0
  if fresh and (id == '' or redis.call('HSETNX', KEYS[2], id, '1') == 1) then
    last = redis.call('XADD', KEYS[1], '*', 'e', ARGV[i + 2])
    first = first or last
    if delivery ~= '' then redis.call('SET', delivery, '1', 'EX', tonumber(ARGV[3])) end
    written[#written + 1] = 1
  else
    written[#written + 1] = 0
  end
end
feed(KEYS[3], ARGV[1], first, last, tonumber(redis.call('GET', KEYS[4]) or '0'), ARGV[2])
return written
`;

/**
 * A declaration: the next number, the `declared` event, the indexes, in one step.
 * KEYS: sequence, workspaces-set, open-set, all-zset, feed, delivery key ('' for none).
 * ARGV: workspace id ('platform:workspace'), key prefix of the workspace, event JSON without its
 * closing brace (the number is added here), ref JSON without the number and closing brace,
 * delivery TTL. Returns the number, or -2 for a duplicate delivery.
 */
export const DECLARE = `${FEED_ENTRY}
if KEYS[6] ~= '' and redis.call('EXISTS', KEYS[6]) == 1 then return -2 end
local number = redis.call('INCR', KEYS[1])
local id = redis.call('XADD', ARGV[2] .. ':inc:' .. number .. ':log', '*', 'e', ARGV[3] .. ',"number":' .. number .. '}')
redis.call('SET', ARGV[2] .. ':inc:' .. number .. ':rev', '1')
redis.call('SADD', KEYS[3], tostring(number))
redis.call('ZADD', KEYS[4], number, tostring(number))
redis.call('SADD', KEYS[2], ARGV[1])
if KEYS[6] ~= '' then redis.call('SET', KEYS[6], '1', 'EX', tonumber(ARGV[5])) end
feed(KEYS[5], ARGV[4] .. number .. '}', id, id, 0, 'declared')
return number
`;
