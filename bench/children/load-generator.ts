import { signSlackRequest } from '../../test/fakes/slack/slack-request-signer.ts';
import { createHttpPoster } from '../lib/http-poster.ts';
import { closedLoop, paced, type Send } from '../lib/load-generator.ts';
import type { LoadAnswer, LoadRequest } from '../lib/load-process-protocol.ts';

/**
 * The load generator in a process of its own (started by bench/lib/load-process.ts over IPC), so
 * the bot's event loop is not also the generator's: a paced request starts on time however busy
 * the bot is, and its latency is the bot's. One run at a time; each message is one run.
 */
const poster = createHttpPoster({ maxSockets: 64 });

async function run(request: LoadRequest): Promise<LoadAnswer> {
  const send: Send = async (index) => {
    const body = request.bodies[index] ?? '';
    const headers = { 'Content-Type': request.contentType, ...signSlackRequest(request.signingSecret, body) };
    const status = await poster.post(request.url, body, headers);
    return status >= 200 && status < 300;
  };
  const total = request.bodies.length;
  const result =
    request.ratePerSec === undefined
      ? await closedLoop({ concurrency: request.concurrency, total, send })
      : await paced({ senders: request.concurrency, ratePerSec: request.ratePerSec, total, send });
  return { ok: true, result };
}

process.on('message', (request: LoadRequest) => {
  run(request)
    .catch((error: unknown): LoadAnswer => ({ ok: false, error: String((error as Error)?.stack ?? error) }))
    .then((answer) => process.send?.(answer));
});
process.on('disconnect', () => {
  poster.close();
  process.exit(0);
});
