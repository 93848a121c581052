import type { Actor } from '../core/model/events.ts';
import type { WorkspaceRef } from '../core/model/incident-ref.ts';

/** Who a web sign-in link (and the session it starts) is for: one person in one workspace. */
export interface WebViewer extends WorkspaceRef {
  actor: Actor;
}

/** Issues personal, single-use sign-in links to the web view (`/incident web`). */
export interface SignInLinks {
  /** A link that signs `viewer` in once, within its lifetime. */
  issue(viewer: WebViewer): Promise<{ url: string; expiresInMinutes: number }>;
}
