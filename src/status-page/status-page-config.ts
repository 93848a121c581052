import { z } from 'zod';

const componentStatus = z.enum([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

export const statuspageSchema = z.strictObject({
  page_id: z
    .string({ error: 'page_id is required: the id in your Statuspage URL' })
    .regex(/^[A-Za-z0-9]+$/, 'page_id is letters and digits'),
  api_key: z
    .string({ error: `api_key is required (use \${STATUSPAGE_API_KEY} to keep it out of the file)` })
    .min(1, 'api_key is empty'),
  api_url: z
    .string()
    .refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
      error: (issue) => `api_url must be an http(s) URL, got ${JSON.stringify(issue.input)}`,
    })
    .default('https://api.statuspage.io/v1')
    .transform((text) => text.replace(/\/+$/, '')),
  /** Component ids to mark while an incident is public, and the status they get (partial_outage by default). */
  components: z
    .record(z.string().regex(/^[A-Za-z0-9]+$/, 'a component id is letters and digits'), componentStatus)
    .default({}),
});

export const statusPageSchema = z.strictObject({
  /** The name tocsin's own status page shows. */
  name: z.string().min(1).default('Status'),
  statuspage: statuspageSchema.optional(),
});

export type StatusPageConfig = z.infer<typeof statusPageSchema>;
export type StatuspageConfig = z.infer<typeof statuspageSchema>;
