import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Proof that a test talked to nothing but loopback: every outgoing TCP socket in the process
 * (http, fetch/undici, WebSocket…) is seen through the `net.client.socket` diagnostics channel,
 * with the host it looked up and the address it reached.
 */

export interface OutboundConnection {
  /** Host name looked up (absent for IP literals). */
  host?: string;
  /** Address attempted or connected to. */
  address?: string;
  port?: number;
  at: number;
}

export interface OutboundWatch {
  readonly connections: readonly OutboundConnection[];
  /** Connections whose host or address is not loopback. */
  nonLoopback(): OutboundConnection[];
  stop(): void;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/;

export function isLoopback(hostOrAddress: string): boolean {
  return LOOPBACK.test(hostOrAddress.replace(/^\[|\]$/g, ''));
}

export function watchOutboundConnections(): OutboundWatch {
  const connections: OutboundConnection[] = [];
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    const entry: OutboundConnection = { at: Date.now() };
    connections.push(entry);
    socket.once('lookup', (_err: Error | null, address: string, _family: unknown, host: string) => {
      entry.host = host;
      if (address) entry.address = address;
    });
    socket.once('connectionAttempt', (ip: string, port: number) => {
      entry.address = ip;
      entry.port = port;
    });
    socket.once('connect', () => {
      if (socket.remoteAddress) entry.address = socket.remoteAddress;
      if (socket.remotePort) entry.port = socket.remotePort;
    });
  };
  subscribe('net.client.socket', onSocket);
  return {
    connections,
    nonLoopback: () =>
      connections.filter(
        (c) =>
          (c.host !== undefined && !isLoopback(c.host)) ||
          (c.address !== undefined && !isLoopback(c.address)),
      ),
    stop: () => unsubscribe('net.client.socket', onSocket),
  };
}

/**
 * A `fetch` for `clientOptions.fetch` that refuses any URL off loopback (the promise rejects, so
 * the web client surfaces a request error) and records every URL it was asked for.
 */
export function loopbackOnlyFetch(inner: typeof fetch = globalThis.fetch): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const guarded = (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    const host = new URL(url).hostname;
    if (!isLoopback(host)) return Promise.reject(new Error(`loopback-guard: refused request to ${url}`));
    return inner(input, init);
  };
  return Object.assign(guarded, { urls }) as typeof fetch & { urls: string[] };
}
