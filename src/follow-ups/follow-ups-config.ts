import { z } from 'zod';
import type { TicketSystem } from '../core/model/events.ts';
import { durationSchema } from '../paging/severity-policy.ts';

const secret = (key: string) =>
  z
    .string({ error: `${key} is required (use \${ENV_VAR} to keep it out of the file)` })
    .min(1, `${key} is empty`);

const httpUrl = (key: string, example: string) =>
  z
    .string({ error: `${key} is required: an http(s) URL such as ${example}` })
    .refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
      error: (issue) =>
        `${key} must be an http(s) URL such as ${example}, got ${JSON.stringify(issue.input)}`,
    })
    .transform((text) => text.replace(/\/+$/, ''));

export const githubFollowUpsSchema = z.strictObject({
  repo: z
    .string({ error: 'repo is required, as owner/name (acme/platform)' })
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'repo must be owner/name (acme/platform)'),
  token: secret('token'),
  labels: z.array(z.string().min(1)).default([]),
  api_url: httpUrl('api_url', 'https://api.github.com').default('https://api.github.com'),
});

export const jiraFollowUpsSchema = z.strictObject({
  site: httpUrl('site', 'https://acme.atlassian.net'),
  email: secret('email'),
  token: secret('token'),
  project: z
    .string({ error: 'project is required: the project key, e.g. OPS' })
    .regex(/^[A-Z][A-Z0-9_]+$/, 'project must be a Jira project key such as OPS'),
  issue_type: z.string().min(1).default('Task'),
});

/** Who a chat user is on the ticket systems: keys are chat user ids or names as the bot sees them. */
const userMapSchema = z.record(
  z.string(),
  z.strictObject({ github: z.string().min(1).optional(), jira: z.string().min(1).optional() }),
);

export const followUpsSchema = z
  .strictObject({
    github: githubFollowUpsSchema.optional(),
    jira: jiraFollowUpsSchema.optional(),
    /** `true`: every new action item to each system configured; `github`/`jira`: to that one only. */
    auto_export: z.union([z.boolean(), z.enum(['github', 'jira'])]).default(false),
    webhook_secret: secret('webhook_secret').optional(),
    /** How often the open exported tickets are read back, for bots the webhooks cannot reach. */
    poll: durationSchema('poll')
      .refine((ms) => ms >= 60_000, 'poll must be at least 1m (the ticket APIs are rate-limited)')
      .optional(),
    users: userMapSchema.default({}),
  })
  .superRefine((section, ctx) => {
    if (section.auto_export && !section.github && !section.jira) {
      ctx.addIssue({
        code: 'custom',
        path: ['auto_export'],
        message: 'auto_export needs follow_ups.github or follow_ups.jira',
      });
    }
    if (typeof section.auto_export === 'string' && !section[section.auto_export]) {
      ctx.addIssue({
        code: 'custom',
        path: ['auto_export'],
        message: `auto_export is ${section.auto_export}, but follow_ups.${section.auto_export} is not configured`,
      });
    }
  });

export type FollowUpsConfig = z.infer<typeof followUpsSchema>;
export type GithubFollowUps = z.infer<typeof githubFollowUpsSchema>;
export type JiraFollowUps = z.infer<typeof jiraFollowUpsSchema>;
export type { TicketSystem } from '../core/model/events.ts';

/** The ticket systems auto_export sends every new action item to. */
export function autoExportSystems(config: FollowUpsConfig | undefined): TicketSystem[] {
  if (!config || config.auto_export === false) return [];
  if (config.auto_export !== true) return [config.auto_export];
  return configuredSystems(config);
}

export function configuredSystems(config: FollowUpsConfig | undefined): TicketSystem[] {
  return [...(config?.github ? ['github' as const] : []), ...(config?.jira ? ['jira' as const] : [])];
}
