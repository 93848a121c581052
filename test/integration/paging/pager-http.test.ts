import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../../../src/paging/pagers/post-json.ts';
import { PagerDeliveryError } from '../../../src/ports/pager.ts';
import { type Answer, HttpReceiver } from '../../fakes/pagers/http-receiver.ts';

let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function post(url: string, timeoutMs = 5_000): Promise<PagerDeliveryError | 'ok'> {
  try {
    await postJson({ pager: 'hook', receiver: 'the webhook hook', url, body: '{}', timeoutMs });
    return 'ok';
  } catch (error) {
    if (error instanceof PagerDeliveryError) return error;
    throw error;
  }
}

async function answering(answer: Answer): Promise<string> {
  receiver = await HttpReceiver.start(() => answer);
  return receiver.url;
}

describe('what a pager does with each kind of answer', () => {
  it('retries a 5xx', async () => {
    const failure = await post(await answering({ status: 502, body: { error: 'bad gateway' } }));
    expect(failure).toMatchObject({ retryable: true, status: 502 });
    expect((failure as Error).message).toBe('the webhook hook answered HTTP 502: {"error":"bad gateway"}');
  });

  it('retries a 429 and keeps its Retry-After', async () => {
    const failure = await post(await answering({ status: 429, headers: { 'retry-after': '7' } }));
    expect(failure).toMatchObject({ retryable: true, status: 429, retryAfterMs: 7000 });
  });

  it('does not retry another 4xx', async () => {
    expect(await post(await answering({ status: 404, body: { error: 'no such hook' } }))).toMatchObject({
      retryable: false,
      status: 404,
    });
  });

  it('does not follow a redirect, which would turn the POST into a GET', async () => {
    const failure = await post(
      await answering({ status: 302, headers: { location: 'https://elsewhere.example/' } }),
    );
    expect(failure).toMatchObject({ retryable: false, status: 302 });
    expect((failure as Error).message).toContain('a redirect to https://elsewhere.example/');
  });

  it('gives up on a receiver that does not answer in time, and retries later', async () => {
    const failure = await post(await answering('hang'), 1_000);
    expect(failure).toMatchObject({ retryable: true });
    expect((failure as Error).message).toBe('the webhook hook did not answer within 1s');
  });

  it('retries a receiver that cannot be reached', async () => {
    receiver = await HttpReceiver.start(() => ({ status: 200 }));
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    expect(await post(url)).toMatchObject({ retryable: true });
  });

  it('accepts any 2xx', async () => {
    expect(await post(await answering({ status: 202, body: { status: 'success' } }))).toBe('ok');
  });
});
