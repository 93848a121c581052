import { Agent, request } from 'node:http';
import type { Send } from './load-generator.ts';

export interface HttpPoster {
  /** POSTs `body` and resolves with the status once the whole answer was read. */
  post(url: string, body: string, headers: Record<string, string>): Promise<number>;
  close(): void;
}

/**
 * A keep-alive HTTP client for the load generator. Connections are reused so that the
 * generator, which shares the CPU with the server under test, spends as little as it can.
 * Only loopback URLs are accepted: benchmarks never leave the machine.
 */
export function createHttpPoster(options: { maxSockets: number; timeoutMs?: number }): HttpPoster {
  // Idle sockets are dropped after 4 s, before the servers' 5 s keep-alive timeout closes them: a
  // round that starts after the other side's long one would otherwise reuse a socket the server is
  // closing just then, and count its "socket hang up" as a failed request.
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets, timeout: 4_000 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    post(url, body, headers) {
      const target = new URL(url);
      if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
        return Promise.reject(new Error(`benchmarks only talk to loopback, not ${target.hostname}`));
      }
      return new Promise((resolve, reject) => {
        const req = request(
          target,
          {
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** A load-generator `Send` that POSTs request number `index` as `build(index)` says; 2xx is accepted. */
export function httpSend(
  poster: HttpPoster,
  url: string,
  build: (index: number) => { body: string; headers: Record<string, string> },
): Send {
  return async (index) => {
    const { body, headers } = build(index);
    const status = await poster.post(url, body, headers);
    return status >= 200 && status < 300;
  };
}
