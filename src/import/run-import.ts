import type { App } from '../app/create-app.ts';
import { parseSeverity } from '../core/model/severity-words.ts';
import { checkExport } from './check-export.ts';
import { readDiscordExport } from './discord-export.ts';
import type { ImportRequest } from './import-args.ts';
import { importProgress } from './import-progress.ts';
import { ImportError, type ImportSource } from './import-source.ts';
import { readSlackExport } from './slack-export.ts';
import { importWorkspace, writeImportedIncident } from './write-imported-incident.ts';

/** Opens the export the request names, checked far enough to know its channel. */
export async function openExport(request: ImportRequest): Promise<ImportSource> {
  const range = {
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
  };
  return request.kind === 'slack'
    ? readSlackExport(request.file, { channel: request.channel ?? '', ...range })
    : readDiscordExport(request.file, range);
}

/** What `--dry-run` prints, and the first lines of a real run. */
export async function describeImport(request: ImportRequest, source: ImportSource) {
  const summary = await checkExport(source);
  const lines = [
    `#${source.channel.name} from ${source.file}: ${summary.messages} messages by ${summary.people} people, ` +
      `${summary.first.toISOString()} to ${summary.last.toISOString()}` +
      `${summary.pinned ? `, ${summary.pinned} pinned (📌, on the timeline)` : ''}` +
      `${summary.joins ? `; ${summary.joins} joins and leaves left out` : ''}.`,
  ];
  if (request.dryRun) lines.push('Dry run: nothing was written.');
  return { summary, lines };
}

/**
 * Imports an export into the app's log as a resolved incident and writes its postmortem draft.
 * The app's workers must be stopped while the events are written and started after, so every
 * reaction sees the incident whole (and resolved: nobody is paged for history).
 */
export async function runImport(app: App, request: ImportRequest, source: ImportSource): Promise<string[]> {
  const { summary, lines } = await describeImport(request, source);
  const severity = parseSeverity(
    request.severity ?? app.services.settings.defaultSeverity,
    app.services.settings.severityAliases,
  );
  if (!severity.ok) throw new ImportError(`--severity: ${severity.error.message}`);
  const progress = importProgress(summary.messages, 'importing');
  const outcome = await writeImportedIncident(app.services, source, {
    title: request.title ?? `#${source.channel.name} (imported)`,
    severity: severity.value,
    summary,
    onProgress: (written) => progress.update(written),
  }).finally(() => progress.stop());
  const label = `INC-${outcome.ref.number}`;
  if (outcome.status === 'already_imported') {
    lines.push(`${label} already holds this export (same channel and time range); nothing was written.`);
    return lines;
  }
  // What writing left behind goes before the draft is rendered from the whole log (see COLLECT_EVERY).
  (globalThis as { gc?: () => void }).gc?.();
  app.startWorkers();
  const workspace = importWorkspace(source);
  const reply = await app.core.process({
    kind: 'command',
    text: 'postmortem',
    context: {
      ...workspace,
      channel: (await app.store.state(outcome.ref))?.channel?.id ?? '',
      actor: summary.firstSpeaker,
    },
  });
  await app.jobs.settle();
  lines.push(
    `${label} imported: ${outcome.written} messages recorded (${workspace.platform} ${workspace.workspace}).`,
  );
  if (reply?.text) lines.push(reply.text);
  return lines;
}
