/** Slack message timestamps ("1700000000.000100") are both ids and times. */

/** The instant a `ts` names (to the millisecond; the microseconds only order messages). */
export function tsToDate(ts: string): Date {
  const [seconds = '0', fraction = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(fraction.padEnd(6, '0')) / 1000));
}

/** Epoch seconds, as `<!date^…>` and `oldest` want them. */
export function epochSeconds(at: Date | string): number {
  return Math.floor(new Date(at).getTime() / 1000);
}

/** Orders two `ts` strings numerically (they are not safe to compare as floats or as strings). */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

/**
 * A message's permalink built from the workspace URL that auth.test returned, the way
 * chat.getPermalink spells it, so capturing a message costs no API call.
 */
export function messagePermalink(
  teamUrl: string | undefined,
  channel: string,
  ts: string,
  threadTs?: string,
): string | undefined {
  if (!teamUrl) return undefined;
  const base = `${teamUrl.replace(/\/?$/, '/')}archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}

export function channelUrl(teamUrl: string | undefined, channel: string): string | undefined {
  return teamUrl ? `${teamUrl.replace(/\/?$/, '/')}archives/${channel}` : undefined;
}
