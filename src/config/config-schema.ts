import { z } from 'zod';
import { SEVERITIES } from '../core/model/severity.ts';
import { DEFAULT_SEVERITY_ALIASES } from '../core/model/severity-words.ts';
import { isValidTimeZone } from '../core/time/dayjs.ts';
import { followUpsSchema } from '../follow-ups/follow-ups-config.ts';
import { checkPagingReferences } from '../paging/check-paging-references.ts';
import { pagersSchema } from '../paging/pager-config.ts';
import { schedulesSchema } from '../paging/schedule-schema.ts';
import { severitiesSchema } from '../paging/severity-policy.ts';
import { statusPageSchema } from '../status-page/status-page-config.ts';
import { permissionsSchema, rateLimitsSchema } from './access-schema.ts';

const severityId = z
  .string()
  .transform((value) => value.toUpperCase().replace('-', ''))
  .pipe(z.enum(SEVERITIES));

/**
 * An alias is one word, compared in lower case. The sevN shapes are built in and cannot be
 * redefined, so `sev2` means SEV2 in every workspace.
 */
const severityAlias = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'an alias is one word (letters, digits, - or _)' })
  .refine((word) => !/^sev-?\d+$/.test(word), { message: 'sev1…sev4 are built in; pick another word' });

/** Replaces the defaults as a whole, so a team can drop `high` (say) or turn aliases off with `{}`. */
const severityAliases = z.record(severityAlias, severityId).default({ ...DEFAULT_SEVERITY_ALIASES });

const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'is not an IANA time zone (e.g. Europe/Berlin)' });

export const slackSectionSchema = z
  .object({
    responders: z.array(z.string()).default([]),
    announce_channel: z.string().optional(),
    /** Team ids (T…) the bot answers in; empty answers every team the app is installed in. */
    allowed_teams: z.array(z.string()).default([]),
    /**
     * How fast Slack lets this app read channel history: `standard` (Tier 3), or `limited` for a
     * non-Marketplace distributed app (1 request a minute, 15 messages a page, since 2025). A
     * standard app answered with a long Retry-After is treated as limited anyway.
     */
    history_rate_tier: z.enum(['standard', 'limited']).default('standard'),
  })
  .strict();

export const discordSectionSchema = z
  .object({
    category: z.string().default('Incidents'),
    /** Role or user ids that count as responders for `permissions:`. */
    responders: z.array(z.string()).default([]),
    /** Guild ids the bot answers in; needed (or DISCORD_GUILD_ID) so no stranger's server can page you. */
    allowed_guilds: z.array(z.string()).default([]),
    incident_space: z.enum(['channel', 'thread']).default('channel'),
    thread_parent: z.string().optional(),
    announce_channel: z.string().optional(),
    permission_overwrites: z
      .array(
        z
          .object({
            id: z.string(),
            type: z.enum(['role', 'member']),
            allow: z.array(z.string()).default([]),
            deny: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** Template names are file names without `.md.eta`, matched case-insensitively. */
const templateName = z.string().trim().toLowerCase().min(1);

export const postmortemSectionSchema = z
  .object({
    default_template: templateName.default('report'),
    /** `sev1: sre`; keys are read like severities anywhere else (sev1, SEV-1, SEV1). */
    template_by_severity: z.partialRecord(severityId, templateName).default({}),
    include_transcript: z.boolean().default(false),
  })
  .strict();

/** The YAML config. Sections owned by later features are declared loosely and refined there. */
export const configSchema = z
  .object({
    timezone: timeZone.default('UTC'),
    default_severity: severityId.default('SEV3'),
    severity_aliases: severityAliases,
    templates_dir: z.string().optional(),
    redaction: z
      .object({ extra_patterns: z.array(z.string()).default([]) })
      .strict()
      .default({ extra_patterns: [] }),
    postmortem: postmortemSectionSchema.default({
      default_template: 'report',
      template_by_severity: {},
      include_transcript: false,
    }),
    permissions: permissionsSchema,
    rate_limits: rateLimitsSchema,
    slack: slackSectionSchema.default({ responders: [], allowed_teams: [], history_rate_tier: 'standard' }),
    discord: discordSectionSchema.default({
      category: 'Incidents',
      responders: [],
      allowed_guilds: [],
      incident_space: 'channel',
      permission_overwrites: [],
    }),
    // Paging policy (issue #5): validated in src/paging/, defaults from the seed's severity table.
    pagers: pagersSchema,
    severities: severitiesSchema,
    schedules: schedulesSchema.default([]),
    // Follow-ups (issue #19): action items as GitHub / Jira tickets, kept in sync both ways.
    follow_ups: followUpsSchema.optional(),
    status_page: statusPageSchema.default({ name: 'Status' }),
    /** Seed nodes of a Redis Cluster (`host:port`); REDIS_CLUSTER_NODES in the environment wins. */
    redis_cluster_nodes: z
      .array(z.string().regex(/^\S+:\d{1,5}$/, { message: 'a cluster node is host:port' }))
      .min(1)
      .optional(),
  })
  .strict()
  .superRefine(checkPagingReferences);

export type AppConfig = z.infer<typeof configSchema>;
