import type { IncomingHttpHeaders } from 'node:http';
import type { FakeDiscordState } from './fake-discord-state.ts';
import type { UploadedFile } from './request-body.ts';

export interface RouteContext {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  headers: IncomingHttpHeaders;
  state: FakeDiscordState;
  /** `http://127.0.0.1:<port>` (for attachment URLs and the gateway URL). */
  origin: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style template with Discord's parameter names: `/channels/:channel_id/messages`. */
  pattern: string;
  handler: RouteHandler;
  /** Interaction callbacks and webhook-token routes are called without a bot token. Default true. */
  auth?: boolean;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export const json = (body: unknown, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });

/** Matches a method + path to the most specific route (literal segments beat parameters). */
export class Router {
  private readonly compiled: { route: RouteDef; segments: string[]; literals: number }[];

  constructor(routes: RouteDef[]) {
    this.compiled = routes.map((route) => {
      const segments = route.pattern.split('/').filter(Boolean);
      return { route, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
    });
  }

  match(method: string, path: string): RouteMatch | null {
    const parts = path.split('/').filter(Boolean);
    let best: { match: RouteMatch; literals: number } | null = null;
    for (const c of this.compiled) {
      if (c.route.method !== method || c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = c.segments.every((seg, i) => {
        const part = parts[i] ?? '';
        if (seg.startsWith(':')) {
          params[seg.slice(1)] = safeDecode(part);
          return true;
        }
        return seg === part;
      });
      if (ok && (!best || c.literals > best.literals))
        best = { match: { route: c.route, params }, literals: c.literals };
    }
    return best?.match ?? null;
  }
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
