import type { App } from '../../src/app/create-app.ts';
import type { WebViewer } from '../../src/ports/sign-in-links.ts';

/** A session cookie for `viewer`, the way a person gets one: a link from `/incident web`, followed. */
export async function webSessionCookie(app: App, viewer: WebViewer): Promise<string> {
  const links = app.services.signInLinks;
  if (!links) throw new Error('the app serves no web view');
  const link = new URL((await links.issue(viewer)).url);
  const answer = await app.http.routes.request(`${link.pathname}${link.search}`);
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (answer.status !== 303 || !cookie) throw new Error(`sign-in failed: ${answer.status}`);
  return cookie;
}
