import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { IncidentState } from '../core/model/incident-state.ts';
import { visibleTo } from '../core/policy/incident-visibility.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { WebViewer } from '../ports/sign-in-links.ts';
import { type RedisWebSessions, SESSION_COOKIE } from './web-sessions.ts';

/** Why a request was refused: no (valid) session, or nothing there that this viewer may see. */
export type Refusal = { refused: 'sign-in' } | { refused: 'not-found' };
export type Access = { viewer: WebViewer; incident?: IncidentState };

/**
 * The one check every web route goes through. No session: refused (sign in first). An incident
 * outside the viewer's workspace, that does not exist, or that is private and not theirs in chat:
 * not found, the same answer for all three, so a page never tells that an incident exists.
 */
export class WebAuthoriser {
  constructor(
    private readonly sessions: RedisWebSessions,
    private readonly store: IncidentStore,
    private readonly platforms: PlatformRegistry,
  ) {}

  async authorise(c: Context, incidentNumber?: string): Promise<Access | Refusal> {
    const viewer = await this.sessions.find(getCookie(c, SESSION_COOKIE));
    if (!viewer) return { refused: 'sign-in' };
    if (incidentNumber === undefined) return { viewer };
    const incident = await this.visibleIncident(viewer, incidentNumber);
    return incident ? { viewer, incident } : { refused: 'not-found' };
  }

  /** The incidents of the viewer's workspace they could see in chat. */
  async visible(viewer: WebViewer, incident: IncidentState): Promise<boolean> {
    return visibleTo(this.platforms, incident, viewer.actor);
  }

  private async visibleIncident(viewer: WebViewer, text: string): Promise<IncidentState | undefined> {
    if (!/^[1-9]\d{0,8}$/.test(text)) return undefined;
    const ref = { platform: viewer.platform, workspace: viewer.workspace, number: Number(text) };
    const state = await this.store.state(ref);
    if (!state || !(await this.visible(viewer, state))) return undefined;
    return state;
  }
}
