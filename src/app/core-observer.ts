import type { CommandObserver } from '../core/incident-core.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { PrometheusMetrics } from '../observability/metrics.ts';

/** Fans the core's reports out to the caller's observer, the metrics and the log. */
export function coreObserver(parts: {
  observer?: CommandObserver;
  metrics?: PrometheusMetrics;
  logger?: Logger;
}): CommandObserver {
  const observers: CommandObserver[] = [];
  if (parts.observer) observers.push(parts.observer);
  if (parts.metrics) observers.push(parts.metrics.commandObserver());
  const { logger } = parts;
  if (logger) {
    observers.push({
      onSystemError: (error, event) =>
        logger.warn(
          {
            err: error,
            code: error.code,
            kind: event.kind,
            platform: event.context.platform,
            workspace: event.context.workspace,
            channel: event.context.channel,
          },
          'inbound event failed',
        ),
    });
  }
  return {
    onCommand: (name, outcome, durationMs) => {
      for (const observer of observers) observer.onCommand?.(name, outcome, durationMs);
    },
    onCapture: (platform) => {
      for (const observer of observers) observer.onCapture?.(platform);
    },
    onSystemError: (error, event) => {
      for (const observer of observers) observer.onSystemError?.(error, event);
    },
  };
}
