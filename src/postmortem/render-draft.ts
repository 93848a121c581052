import { Eta } from 'eta';
import { SystemError } from '../core/errors.ts';
import { escapeInline, type MarkdownHelpers, markdownHelpers } from './markdown-escape.ts';
import type { PostmortemModel } from './postmortem-model.ts';

/** What a template sees as `it`: the model, and Markdown helpers as `it.md`. */
export type TemplateData = PostmortemModel & { md: MarkdownHelpers };

// `<%= %>` escapes for Markdown (not HTML, eta's default): a template that forgets to escape
// user text is still safe. `<%~ %>` prints raw, for the `it.md` helpers' output.
const eta = new Eta({ autoEscape: true, escapeFunction: escapeInline, autoTrim: false, cache: false });

/** Renders one template over a model. A broken template is a system error naming the template. */
export function renderDraft(source: string, model: PostmortemModel, templateName: string): string {
  let output: string;
  try {
    output = eta.renderString(source, { ...model, md: markdownHelpers } satisfies TemplateData);
  } catch (error) {
    throw new SystemError(
      'template_failed',
      `postmortem template "${templateName}" could not be rendered: ${(error as Error).message}`,
      { cause: error },
    );
  }
  // Conditional sections leave runs of blank lines; one blank line is all Markdown needs.
  return `${output.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
