import { z } from 'zod';
import { SEVERITIES } from '../core/model/severity.ts';
import { isValidTimeZone } from '../core/time/dayjs.ts';

const severityId = z
  .string()
  .transform((value) => value.toUpperCase().replace('-', ''))
  .pipe(z.enum(SEVERITIES));

const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'is not an IANA time zone (e.g. Europe/Berlin)' });

export const slackSectionSchema = z
  .object({
    responders: z.array(z.string()).default([]),
    announce_channel: z.string().optional(),
  })
  .strict();

export const discordSectionSchema = z
  .object({
    category: z.string().default('Incidents'),
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

export const postmortemSectionSchema = z
  .object({
    default_template: z.string().default('report'),
    template_by_severity: z.record(z.string(), z.string()).default({}),
    include_transcript: z.boolean().default(false),
  })
  .strict();

/** The YAML config. Sections owned by later features are declared loosely and refined there. */
export const configSchema = z
  .object({
    timezone: timeZone.default('UTC'),
    default_severity: severityId.default('SEV3'),
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
    slack: slackSectionSchema.default({ responders: [] }),
    discord: discordSectionSchema.default({
      category: 'Incidents',
      incident_space: 'channel',
      permission_overwrites: [],
    }),
    pagers: z.array(z.record(z.string(), z.unknown())).default([]),
    severities: z.array(z.record(z.string(), z.unknown())).default([]),
    schedules: z.array(z.record(z.string(), z.unknown())).default([]),
  })
  .strict();

export type AppConfig = z.infer<typeof configSchema>;
