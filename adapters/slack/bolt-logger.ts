import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logging/create-logger.ts';

function text(parts: unknown[]): { message: string; err?: Error } {
  const err = parts.find((part): part is Error => part instanceof Error);
  const message = parts
    .filter((part) => part !== err)
    .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');
  return err ? { message, err } : { message };
}

/**
 * Bolt, the Web API client and the Socket Mode client log through the process logger, so their
 * lines get the same JSON shape and the same secret scrubbing as everything else.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const emit =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const { message, err } = text(parts);
      if (err) child[method]({ err }, message);
      else child[method](message);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
