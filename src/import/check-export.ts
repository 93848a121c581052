import type { ImportedMessage, ImportSource } from './import-source.ts';
import { ImportError } from './import-source.ts';
import type { ExportSummary } from './write-imported-incident.ts';

/**
 * Reads the whole export once before anything is written: a corrupt day file or message stops
 * the import here, so nothing half-imported stays in the log.
 */
export async function checkExport(
  source: ImportSource,
  onRead?: (read: number) => void,
): Promise<ExportSummary> {
  let messages = 0;
  let joins = 0;
  let pinned = 0;
  let first: ImportedMessage | undefined;
  let last: ImportedMessage | undefined;
  const people = new Set<string>();
  for await (const message of source.messages()) {
    if (message.join) {
      joins += 1;
      continue;
    }
    messages += 1;
    if (message.pinned) pinned += 1;
    first ??= message;
    last = message;
    people.add(message.actor.id);
    if (messages % 1000 === 0) onRead?.(messages);
  }
  if (!first || !last)
    throw new ImportError(`${source.file}: #${source.channel.name} has no messages in that range.`);
  return {
    messages,
    joins,
    pinned,
    first: first.occurredAt,
    last: last.occurredAt,
    firstSpeaker: first.actor,
    people: people.size,
  };
}
