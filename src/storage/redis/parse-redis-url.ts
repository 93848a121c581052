import type { RedisOptions } from 'ioredis';
import { SystemError } from '../../core/errors.ts';

export type ParsedRedisUrl =
  | { kind: 'direct'; url: string }
  | { kind: 'sentinel'; options: Pick<RedisOptions, 'sentinels' | 'name' | 'username' | 'password' | 'db'> };

const SENTINEL_SCHEME = 'redis+sentinel://';

/**
 * `redis://` and `rediss://` go to ioredis as they are. Sentinel gets its own form, since a URL
 * has room for one host only:
 *
 *   redis+sentinel://[[user]:password@]host:port[,host:port...]/master-name[/db]
 *
 * The credentials are the master's; the sentinels are asked which node is master and ioredis
 * follows a failover on its own.
 */
export function parseRedisUrl(url: string): ParsedRedisUrl {
  if (!url.startsWith(SENTINEL_SCHEME)) return { kind: 'direct', url };
  const rest = url.slice(SENTINEL_SCHEME.length);
  const at = rest.lastIndexOf('@', rest.indexOf('/') === -1 ? rest.length : rest.indexOf('/'));
  const credentials = at === -1 ? '' : rest.slice(0, at);
  const [hostList = '', name = '', db] = rest.slice(at + 1).split('/');
  const sentinels = hostList
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      const host = colon === -1 ? entry : entry.slice(0, colon);
      const port = colon === -1 ? 26379 : Number(entry.slice(colon + 1));
      if (!host || !Number.isInteger(port) || port <= 0) throw invalid(url, `"${entry}" is not host:port`);
      return { host, port };
    });
  if (sentinels.length === 0) throw invalid(url, 'no sentinel host');
  if (!name) throw invalid(url, 'the master name is missing (…/mymaster)');
  if (db !== undefined && db !== '' && !/^\d+$/.test(db))
    throw invalid(url, `"${db}" is not a database number`);
  const colon = credentials.indexOf(':');
  const username = decodeURIComponent(colon === -1 ? '' : credentials.slice(0, colon));
  const password = decodeURIComponent(colon === -1 ? credentials : credentials.slice(colon + 1));
  return {
    kind: 'sentinel',
    options: {
      sentinels,
      name: decodeURIComponent(name),
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(db ? { db: Number(db) } : {}),
    },
  };
}

function invalid(url: string, reason: string): SystemError {
  const shown = url.replace(/\/\/[^@/]*@/, '//***@');
  return new SystemError(
    'invalid_redis_url',
    `REDIS_URL ${shown} is not a valid Sentinel URL: ${reason}. ` +
      'Expected redis+sentinel://[:password@]host:port[,host:port...]/master-name[/db].',
  );
}
