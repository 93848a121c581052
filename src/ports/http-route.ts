import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain HTTP route. The same shape as Bolt's custom routes, so Slack HTTP mode can serve it too. */
export interface HttpRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
