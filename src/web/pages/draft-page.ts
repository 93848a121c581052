import type { AppServices } from '../../app/app-services.ts';
import type { IncidentState } from '../../core/model/incident-state.ts';
import { latestDraftEvent } from './incident-page.ts';

export interface DraftView {
  template: string;
  /** The file name the draft has on disk (and the download's). */
  fileName: string;
  content: string;
  /** Written by `/incident postmortem`; otherwise a preview of what it would write now. */
  written: boolean;
}

/**
 * A template's draft: exactly the file `/incident postmortem` wrote for it (the same model and
 * template, rendered again from the log as it was), or, before any was written, a preview.
 */
export async function draftView(
  services: AppServices,
  state: IncidentState,
  template: string,
): Promise<DraftView | undefined> {
  if (!services.postmortems.templateNames().includes(template)) return undefined;
  const generated = await latestDraftEvent(services.store, state, template);
  if (generated) {
    return {
      template,
      fileName: baseName(generated.path),
      content: await services.postmortems.renderWritten(state.ref, generated),
      written: true,
    };
  }
  const draft = await services.postmortems.render(state.ref, template);
  return { template, fileName: baseName(draft.path), content: draft.content, written: false };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
