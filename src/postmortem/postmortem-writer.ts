import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Eta } from 'eta';
import type { AppConfig } from '../config/config-schema.ts';
import type { PostmortemDraft, PostmortemWriter } from '../core/core-services.ts';
import { SystemError } from '../core/errors.ts';
import { type IncidentRef, incidentLabel } from '../core/model/incident-ref.ts';
import { slugify } from '../core/text/sanitize-input.ts';
import type { Clock } from '../core/time/clock.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { buildPostmortemModel } from './build-postmortem-model.ts';
import { discoverTemplates } from './template-catalog.ts';

/** Renders drafts with eta and writes them under POSTMORTEM_DIR, one folder per workspace. */
export class FilePostmortemWriter implements PostmortemWriter {
  private readonly templates: Map<string, string>;
  private readonly eta = new Eta({ autoEscape: false, autoTrim: false, cache: true });

  constructor(
    private readonly store: IncidentStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outputDir: string,
  ) {
    this.templates = discoverTemplates(config.templates_dir);
  }

  templateNames(): string[] {
    return [...this.templates.keys()].sort();
  }

  async generate(ref: IncidentRef, requested: string | undefined): Promise<PostmortemDraft> {
    const model = await buildPostmortemModel(this.store, ref, {
      timeZone: this.config.timezone,
      now: this.clock.now(),
    });
    const template = requested ?? this.defaultTemplate(model.incident.severity);
    const file = this.templates.get(template);
    if (!file)
      throw new SystemError('template_missing', `postmortem template "${template}" is not installed`);
    const source = await readFile(file, 'utf8');
    const content = this.eta.renderString(source, model);
    const path = join(
      this.outputDir,
      `${ref.platform}-${slugify(ref.workspace)}`,
      `${incidentLabel(ref.number)}-${slugify(model.incident.title)}.md`,
    );
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a draft.
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
    const digest = createHash('sha256').update(content).digest('hex');
    return { path, content, template, digest, changes: [] };
  }

  private defaultTemplate(severity: string): string {
    const bySeverity = this.config.postmortem.template_by_severity[severity];
    const wanted = bySeverity ?? this.config.postmortem.default_template;
    return this.templates.has(wanted) ? wanted : (this.templateNames()[0] ?? wanted);
  }
}
