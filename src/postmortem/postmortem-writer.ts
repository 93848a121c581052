import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/config-schema.ts';
import type { PostmortemDraft, PostmortemWriter } from '../core/core-services.ts';
import { SystemError } from '../core/errors.ts';
import type { StoredEvent } from '../core/model/events.ts';
import { type IncidentRef, incidentLabel } from '../core/model/incident-ref.ts';
import type { Severity } from '../core/model/severity.ts';
import { slugify } from '../core/text/sanitize-input.ts';
import type { Clock } from '../core/time/clock.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { createRedactor, type Redactor } from '../redaction/redact-secrets.ts';
import { buildPostmortemModel } from './build-postmortem-model.ts';
import { describeChanges } from './draft-changes.ts';
import { readAhead } from './read-ahead.ts';
import { renderDraft } from './render-draft.ts';
import { discoverTemplates } from './template-catalog.ts';

const MAX_PENDING_DRAFTS = 16;
/**
 * Events per page of the log a draft reads. What a page's reply and parsing leave behind is
 * garbage once folded, but whatever is still in flight when V8 scavenges survives it, and the
 * more survives, the more V8 grows its young generation (up to 3 × 16 MB): pages of 5,000 cost
 * 205–210 MB peak RSS at 100k messages, pages of 500 about 190 MB (read ahead, so the smaller
 * pages cost little time).
 */
const LOG_PAGE = 500;
/** Pages between two full collections, in a batch process that may collect (see collectEvery). */
const COLLECT_EVERY_PAGES = 4;

/** Renders drafts with eta and writes them under POSTMORTEM_DIR, one folder per workspace. */
export class FilePostmortemWriter implements PostmortemWriter {
  private readonly templates: Map<string, string>;
  private readonly redactor: Redactor;
  /** Drafts rendered here whose file the reaction has not written yet, by path and digest. */
  private readonly rendered = new Map<string, string>();

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

  async render(ref: IncidentRef, requested: string | undefined): Promise<PostmortemDraft> {
    const draft = await this.renderFrom(ref, this.log(ref), requested, this.clock.now());
    this.rendered.set(draftKey(draft.path, draft.digest), draft.content);
    // Only drafts waiting for their write are kept; a handful is plenty.
    for (const key of this.rendered.keys()) {
      if (this.rendered.size <= MAX_PENDING_DRAFTS) break;
      this.rendered.delete(key);
    }
    return draft;
  }

  async write(ref: IncidentRef, generated: StoredEvent): Promise<void> {
    if (generated.type !== 'postmortem_generated') return;
    const key = draftKey(generated.path, generated.digest);
    const content = await this.renderWritten(ref, generated);
    await mkdir(dirname(generated.path), { recursive: true });
    // Write then rename, so a reader never sees half a draft; the temporary name is unique so two
    // drafts written at once cannot interleave.
    const temporary = `${generated.path}.${randomUUID()}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, generated.path);
    this.rendered.delete(key);
  }

  /**
   * The content of the file a recorded `postmortem_generated` event stands for: the draft as it
   * was rendered then (from memory, or again from the log as it was at that moment).
   */
  async renderWritten(
    ref: IncidentRef,
    generated: Extract<StoredEvent, { type: 'postmortem_generated' }>,
  ): Promise<string> {
    const content = this.rendered.get(draftKey(generated.path, generated.digest));
    if (content !== undefined) return content;
    // Rendered by a process that is gone: render it again from the log as it was then.
    const draft = await this.renderFrom(
      ref,
      logBefore(this.log(ref), generated.id),
      generated.template,
      new Date(generated.at),
    );
    return draft.content;
  }

  /** Renders and writes at once: for tools and benchmarks that want a file without the bot. */
  async generate(ref: IncidentRef, requested: string | undefined): Promise<PostmortemDraft> {
    const draft = await this.renderFrom(ref, this.log(ref), requested, this.clock.now());
    this.rendered.set(draftKey(draft.path, draft.digest), draft.content);
    await this.write(ref, {
      type: 'postmortem_generated',
      template: draft.template,
      path: draft.path,
      digest: draft.digest,
      id: '',
      at: this.clock.now().toISOString(),
      actor: { id: 'tocsin', name: 'tocsin' },
      origin: { platform: ref.platform, workspace: ref.workspace, channel: '' },
    });
    return draft;
  }

  /** The incident's log in small pages, the next one on its way while one is folded. */
  private log(ref: IncidentRef): AsyncIterable<StoredEvent[]> {
    return collectEvery(COLLECT_EVERY_PAGES, readAhead(this.store.scan(ref, LOG_PAGE)));
  }

  private async renderFrom(
    ref: IncidentRef,
    log: AsyncIterable<StoredEvent[]>,
    requested: string | undefined,
    now: Date,
  ): Promise<PostmortemDraft> {
    const { model, previousDraft } = await buildPostmortemModel(ref, log, {
      timeZone: this.config.timezone,
      now,
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
      draftFileName(ref.number, model.incident.title, template, this.config.postmortem.default_template),
    );
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

/**
 * `INC-1-<slug>.md` for the default template, `INC-1-<slug>.<template>.md` for any other, so a
 * public write-up never overwrites the report draft. Named by the template itself, not by the
 * severity that chose it, so the same template always lands in the same file.
 */
export function draftFileName(
  number: number,
  title: string,
  template: string,
  defaultTemplate: string,
): string {
  const base = `${incidentLabel(number)}-${slugify(title)}`;
  return template === defaultTemplate ? `${base}.md` : `${base}.${slugify(template)}.md`;
}

function draftKey(path: string, digest: string): string {
  return `${path}|${digest}`;
}

/** The log up to (not including) the event with stream id `id`. */
/**
 * In a process started with `--expose-gc` (`npm run import`, a batch job that drafts right after
 * writing 50,000 messages), a full collection every few pages keeps the garbage of the log's
 * parsing from piling up; the bot has no `gc` and reads on untouched.
 */
async function* collectEvery<T>(pages: number, log: AsyncIterable<T>): AsyncIterable<T> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let read = 0;
  for await (const page of log) {
    yield page;
    read += 1;
    if (gc && read % pages === 0) gc();
  }
}

async function* logBefore(log: AsyncIterable<StoredEvent[]>, id: string): AsyncIterable<StoredEvent[]> {
  for await (const page of log) {
    const at = page.findIndex((event) => event.id === id);
    if (at === -1) {
      yield page;
      continue;
    }
    if (at > 0) yield page.slice(0, at);
    return;
  }
}
