import { join } from 'node:path';
import { Eta } from 'eta';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { TextRedactor } from '../ports/redactor.ts';

export const WEB_TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates', 'web');

/**
 * The web view's eta, whose `<%= %>` redacts and then HTML-escapes: nothing a person typed can
 * reach a page unredacted or unescaped, whatever a template forgets.
 */
export function createWebViews(redactor: TextRedactor): Eta {
  const escapeHtml = new Eta().config.escapeFunction;
  return new Eta({
    views: WEB_TEMPLATES_DIR,
    autoEscape: true,
    escapeFunction: (value: unknown) => escapeHtml(redactor.redact(String(value))),
    cache: true,
  });
}
