/** The reply redaction lives with the core, which runs it once where a reply leaves it. */
export { redactReply } from '../core/commands/redact-reply.ts';
