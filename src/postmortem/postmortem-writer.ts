import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/config-schema.ts';
import type { PostmortemDraft, PostmortemWriter } from '../core/core-services.ts';
import { SystemError } from '../core/errors.ts';
import { type IncidentRef, incidentLabel } from '../core/model/incident-ref.ts';
import type { Severity } from '../core/model/severity.ts';
import { slugify } from '../core/text/sanitize-input.ts';
import type { Clock } from '../core/time/clock.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { createRedactor, type Redactor } from '../redaction/redact-secrets.ts';
import { buildPostmortemModel } from './build-postmortem-model.ts';
import { describeChanges } from './draft-changes.ts';
import { renderDraft } from './render-draft.ts';
import { discoverTemplates } from './template-catalog.ts';

/** Renders drafts with eta and writes them under POSTMORTEM_DIR, one folder per workspace. */
export class FilePostmortemWriter implements PostmortemWriter {
  private readonly templates: Map<string, string>;
  private readonly redactor: Redactor;

  constructor(
    private readonly store: IncidentStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outputDir: string,
  ) {
    this.templates = discoverTemplates(config.templates_dir);
    this.redactor = createRedactor(config.redaction.extra_patterns);
  }

  templateNames(): string[] {
    return [...this.templates.keys()].sort();
  }

  async generate(ref: IncidentRef, requested: string | undefined): Promise<PostmortemDraft> {
    const { model, previousDraft } = await buildPostmortemModel(ref, this.store.scan(ref), {
      timeZone: this.config.timezone,
      now: this.clock.now(),
      redactor: this.redactor,
      includeTranscript: this.config.postmortem.include_transcript,
    });
    const template = requested ?? this.defaultTemplate(model.incident.severity);
    const file = this.templates.get(template);
    if (!file) {
      throw new SystemError('template_missing', `postmortem template "${template}" is not installed`);
    }
    const rendered = renderDraft(await readFile(file, 'utf8'), model, template);
    // The model is redacted field by field; this last pass also covers whatever a user's
    // template prints, so no secret reaches the file whatever the template does.
    const content = this.redactor.redact(rendered);
    const path = join(
      this.outputDir,
      `${ref.platform}-${slugify(ref.workspace)}`,
      `${incidentLabel(ref.number)}-${slugify(model.incident.title)}.md`,
    );
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a draft; the temporary name is unique so two
    // drafts written at once cannot interleave.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
    const digest = createHash('sha256').update(content).digest('hex');
    if (!previousDraft) return { path, content, template, digest, changes: [] };
    return {
      path,
      content,
      template,
      digest,
      changes: describeChanges(previousDraft, { template, digest }),
      previousAt: previousDraft.at,
    };
  }

  private defaultTemplate(severity: Severity): string {
    const bySeverity = this.config.postmortem.template_by_severity[severity];
    const wanted = bySeverity ?? this.config.postmortem.default_template;
    return this.templates.has(wanted) ? wanted : (this.templateNames()[0] ?? wanted);
  }
}
