import type { EventFeed } from '../../ports/event-feed.ts';

/** How long a reply that promises a reaction's result waits for it before answering anyway. */
const REACTION_WAIT_MS = 5_000;

/** Waits (bounded) until the reactions to a feed entry ran, in this process or another. */
export async function reactionsRan(
  reactions: Pick<EventFeed, 'isDone'> | undefined,
  feedId: string,
): Promise<void> {
  if (!reactions) return;
  const deadline = Date.now() + REACTION_WAIT_MS;
  while (!(await reactions.isDone(feedId))) {
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
