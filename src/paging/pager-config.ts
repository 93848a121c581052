import { z } from 'zod';
import { durationSchema } from './severity-policy.ts';

/** The pager that DMs people and mentions them in the channel; built in, so not configurable. */
export const CHAT_PAGER_ID = 'chat';

const DEFAULT_TIMEOUT_MS = 10_000;

const pagerId = z
  .string({ error: 'id must be a pager id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'id must be letters, digits, - and _ (it is written in page: lists)')
  .refine((id) => id !== CHAT_PAGER_ID, {
    error: `id "${CHAT_PAGER_ID}" is reserved for the built-in chat pager (DM plus channel mention)`,
  });

/** Per-request limit, so a pager that hangs gives its worker back and is retried later. */
const timeout = durationSchema('timeout')
  .refine((ms) => ms > 0, 'timeout must be longer than zero')
  .optional()
  .transform((ms) => ms ?? DEFAULT_TIMEOUT_MS);

const httpUrl = z
  .string({ error: 'url must be an http(s) URL' })
  .refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
    error: (issue) => `url must be an http(s) URL, got ${JSON.stringify(issue.input)}`,
  });

/**
 * Pages carry incident titles and the signature's secret-derived MAC: plain http exposes them to
 * anyone on the path, so it takes an explicit `allow_insecure: true` (a receiver on a private
 * network, or a test's fake).
 */
const allowInsecure = z
  .boolean({ error: 'allow_insecure must be true or false' })
  .optional()
  .transform((allowed) => allowed ?? false);

/** The refusal for an http: endpoint, shared by the webhook's url and PagerDuty's or Opsgenie's base. */
export function insecureUrlProblem(pagerId: string, url: string, allowed: boolean): string | undefined {
  if (allowed || !URL.canParse(url) || new URL(url).protocol !== 'http:') return undefined;
  return (
    `pager ${pagerId}: ${url} is plain http, which sends pages unencrypted. Use https, ` +
    'or set allow_insecure: true on this pager if the receiver is on a network you trust'
  );
}

const secret = (key: string) =>
  z
    .string({ error: `${key} is required (use \${ENV_VAR} to keep it out of the file)` })
    .min(1, `${key} is empty`);

export const webhookPagerSchema = z
  .strictObject({
    id: pagerId,
    type: z.literal('webhook'),
    url: httpUrl,
    secret: secret('secret'),
    timeout,
    allow_insecure: allowInsecure,
  })
  .superRefine((pager, ctx) => {
    const problem = insecureUrlProblem(pager.id, pager.url, pager.allow_insecure);
    if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
  })
  .transform(({ timeout: timeoutMs, allow_insecure, ...rest }) => ({
    ...rest,
    timeoutMs,
    allowInsecure: allow_insecure,
  }));

/** The endpoint comes from PAGERDUTY_EVENTS_URL, not from here, so one variable redirects every PagerDuty pager. */
export const pagerdutyPagerSchema = z
  .strictObject({
    id: pagerId,
    type: z.literal('pagerduty'),
    routing_key: secret('routing_key'),
    timeout,
    allow_insecure: allowInsecure,
  })
  .transform(({ timeout: timeoutMs, routing_key, allow_insecure, ...rest }) => ({
    ...rest,
    routingKey: routing_key,
    timeoutMs,
    allowInsecure: allow_insecure,
  }));

/** Opsgenie is retired in 2027: an API key and nothing more. */
export const opsgeniePagerSchema = z
  .strictObject({
    id: pagerId,
    type: z.literal('opsgenie'),
    api_key: secret('api_key'),
    timeout,
    allow_insecure: allowInsecure,
  })
  .transform(({ timeout: timeoutMs, api_key, allow_insecure, ...rest }) => ({
    ...rest,
    apiKey: api_key,
    timeoutMs,
    allowInsecure: allow_insecure,
  }));

export const pagerSchema = z.discriminatedUnion(
  'type',
  [webhookPagerSchema, pagerdutyPagerSchema, opsgeniePagerSchema],
  { error: 'type must be one of webhook, pagerduty, opsgenie' },
);

export const pagersSchema = z
  .array(pagerSchema, { error: 'pagers must be a list' })
  .default([])
  .superRefine((pagers, ctx) => {
    const ids = pagers.map((pager) => pager.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `pager id "${id}" is used twice` });
      }
    });
  });

export type PagerConfig = z.output<typeof pagerSchema>;
export type WebhookPagerConfig = z.output<typeof webhookPagerSchema>;
export type PagerdutyPagerConfig = z.output<typeof pagerdutyPagerSchema>;
export type OpsgeniePagerConfig = z.output<typeof opsgeniePagerSchema>;
