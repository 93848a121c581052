/**
 * Lua runs atomically in Redis, so the revision check and the append cannot be split by
 * another writer: two bot processes never lose or reorder an event.
 *
 * KEYS: log, revision, open-set. ARGV: expected revision, open-set action ('open'|'close'|''),
 * incident number, then the events as JSON.
 */
export const APPEND_IF_REVISION = `
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
for i = 4, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'e', ARGV[i])
end
redis.call('SET', KEYS[2], current + #ARGV - 3)
if ARGV[2] == 'open' then redis.call('SADD', KEYS[3], ARGV[3]) end
if ARGV[2] == 'close' then redis.call('SREM', KEYS[3], ARGV[3]) end
return current + #ARGV - 3
`;

/**
 * KEYS: log, seen-hash. ARGV: pairs of (message id to deduplicate on, or '', event JSON).
 * A captured message whose id was seen before (a retry, a backfill) is skipped. Returns one flag
 * per event: 1 written, 0 skipped.
 */
export const APPEND_CHATTER = `
local written = {}
for i = 1, #ARGV, 2 do
  local id = ARGV[i]
  if id == '' or redis.call('HSETNX', KEYS[2], id, '1') == 1 then
    redis.call('XADD', KEYS[1], '*', 'e', ARGV[i + 1])
    written[#written + 1] = 1
  else
    written[#written + 1] = 0
  end
end
return written
`;
