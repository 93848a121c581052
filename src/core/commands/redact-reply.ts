import type { TextRedactor } from '../../ports/redactor.ts';
import type { Reply } from './reply.ts';

/**
 * The reply with every text a person could have typed redacted: the text, its lines, an attached
 * file, and a user error's message (errors quote what was typed). The core calls it once on each reply
 * as it leaves, so the bot never echoes a secret that was pasted into a command.
 */
export function redactReply(reply: Reply, redactor: TextRedactor): Reply {
  const redacted: Reply = { ...reply, text: redactor.redact(reply.text) };
  if (reply.lines) redacted.lines = reply.lines.map((line) => redactor.redact(line));
  if (reply.file) {
    redacted.file = {
      name: redactor.redact(reply.file.name),
      title: redactor.redact(reply.file.title),
      content: redactor.redact(reply.file.content),
    };
  }
  if (reply.error) redacted.error = { ...reply.error, message: redactor.redact(reply.error.message) };
  return redacted;
}
