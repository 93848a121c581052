import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('shows a configuration example that the bot accepts as written', () => {
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const config = parseConfig(example as string, { PAGER_WEBHOOK_SECRET: 'test-secret' }, 'README example');
    expect(config.timezone).toBe('Europe/Berlin');
  });

  it('lists every command of the registry in its command table', async () => {
    const { COMMANDS } = await import('../../src/core/commands/command-registry.ts');
    for (const command of COMMANDS) expect(readme).toContain(`\`/incident ${command.name}`);
  });
});
