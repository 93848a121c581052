import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

export const BUILTIN_TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates', 'postmortem');
const SUFFIX = '.md.eta';

/** Template names to files. A user directory overrides built-ins of the same name. */
export function discoverTemplates(userDir?: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of [BUILTIN_TEMPLATES_DIR, userDir]) {
    if (!dir || !existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith(SUFFIX))
        found.set(file.slice(0, -SUFFIX.length).toLowerCase(), join(resolve(dir), file));
    }
  }
  return found;
}
