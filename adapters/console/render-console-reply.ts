import type { Reply } from '../../src/core/public-api.ts';

/** Shows a reply as a chat client would: ephemeral ones marked, long bodies indented. */
export function renderConsoleReply(reply: Reply, channel: string): string {
  const marker = reply.visibility === 'ephemeral' ? ' (only visible to you)' : '';
  const lines = [`[#${channel}] tocsin${marker}: ${reply.text}`];
  for (const line of reply.lines ?? []) lines.push(`    ${line}`);
  if (reply.file) lines.push(`    📎 ${reply.file.name} (${Buffer.byteLength(reply.file.content)} bytes)`);
  return lines.join('\n');
}
