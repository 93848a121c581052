/**
 * Deterministic incident-channel chatter: the same seed gives the same messages, so two runs
 * (and the two sides of one run) write byte-identical payloads.
 */

export interface ChatLine {
  messageId: string;
  user: string;
  text: string;
}

const PEOPLE = ['alice', 'bob', 'chen', 'dana', 'emeka', 'fatima', 'gus', 'hana'];

const SHORT = [
  'on it',
  '+1',
  'ack',
  'looking',
  'same here',
  'back in 5',
  'ty',
  'confirmed',
  'nope',
  'rolling back',
];

const SENTENCES = [
  'error rate on checkout is back above 4% after the last deploy',
  'p99 latency for /api/orders jumped from 180ms to 2.3s around the same time',
  'I can reproduce it from the staging bastion, the connection pool is exhausted',
  'the canary in eu-west-1 looks healthy, us-east-1 is the one failing',
  'paging the database on-call, this looks like lock contention on the orders table',
  'customer support says tickets about failed payments started about 20 minutes ago',
  'feature flag new-pricing-engine was flipped to 100% at the start of the window',
  'I am going to drain node pool b and see if the errors follow the pods',
  'status page updated, next update in 30 minutes',
  'the retry storm from the mobile clients is making it worse, can we shed load at the edge?',
];

const LOG_LINES = [
  'ERROR [orders-api] pool.acquire timed out after 5000ms (active=50 idle=0 waiting=312)',
  'WARN [edge] upstream 10.0.3.17:8080 marked unhealthy: 5 consecutive 502 responses',
  'FATAL [payments-worker] OOMKilled: container exceeded memory limit 1Gi (rss=1073741824)',
];

/** mulberry32: tiny, fast, and good enough to vary chatter. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** `count` lines of chatter; message ids are unique within `idPrefix`. */
export function chatLines(count: number, idPrefix: string, seed = 8): ChatLine[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const roll = next();
    const text =
      roll < 0.3
        ? pick(SHORT, next)
        : roll < 0.85
          ? pick(SENTENCES, next)
          : `here is what I see:\n\`\`\`\n${pick(LOG_LINES, next)}\n${pick(LOG_LINES, next)}\n\`\`\`\nsee https://grafana.example.internal/d/orders?from=now-1h`;
    return { messageId: `${idPrefix}.${String(index).padStart(7, '0')}`, user: pick(PEOPLE, next), text };
  });
}
