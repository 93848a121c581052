import { ok } from '../../errors.ts';
import { defineCommand } from '../command-definition.ts';
import { renderHelp } from '../render-help.ts';
import { ephemeral } from '../reply.ts';

export const helpCommand = defineCommand<{ command: string | undefined }>({
  name: 'help',
  summary: 'Show the commands, or the details of one',
  usage: '/incident help [command]',
  examples: ['/incident help', '/incident help note'],
  options: [{ name: 'command', description: 'A command to explain', type: 'string', required: false }],
  kind: 'query',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    return ok({ command: text.trim() });
  },
  build(options) {
    return ok({ command: options.command ? options.command.toLowerCase() : undefined });
  },
  async answer({ args, commands, settings }) {
    const help = renderHelp(commands, args.command, {
      policy: settings.permissions,
      severityAliases: settings.severityAliases,
    });
    return ok(ephemeral(help.title, { lines: help.lines }));
  },
});
