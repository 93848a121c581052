/**
 * Asks for the next page while the current one is being used: a draft reads its log in small
 * pages (see LOG_PAGE in postmortem-writer.ts), and without this every page would wait a whole
 * round trip to Redis. At most two pages are held at once.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const pages = source[Symbol.asyncIterator]();
  let next = pages.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = pages.next();
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await pages.return?.();
  }
}
