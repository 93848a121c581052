/** The line the bot logs once its health and metrics server listens, with the address it bound. */
export const OPS_SERVER_LINE = /"host":"([^"]+)","port":(\d+),"msg":"health and metrics server listening"/;

/** `http://host:port` of the ops server, from a log line matched by OPS_SERVER_LINE. */
export function opsUrlOf(match: RegExpExecArray | readonly string[]): string {
  return `http://${match[1]}:${match[2]}`;
}
