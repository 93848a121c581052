import { randomBytes } from 'node:crypto';
import { problemDetails, validateView } from './block-kit-limits.ts';
import { resolveUser } from './channel-access.ts';
import { bool, fail, json, type MethodContext, type MethodHandler, need, str } from './method-context.ts';
import { userObject } from './wire-shapes.ts';
import type { FakeView } from './workspace-types.ts';

/** auth.test, users.*, usergroups.*, views.* and apps.connections.open. */

function viewParam(ctx: MethodContext): Record<string, unknown> {
  const view = json(ctx.params, 'view', 'invalid_arguments');
  const problems = validateView(view);
  if (problems.length > 0) fail('invalid_arguments', problemDetails(problems));
  return view as Record<string, unknown>;
}

function viewObject(ctx: MethodContext, v: FakeView): Record<string, unknown> {
  const ws = ctx.workspace;
  return {
    id: v.id,
    team_id: ws.team.id,
    private_metadata: '',
    callback_id: '',
    external_id: v.external_id ?? '',
    clear_on_close: false,
    notify_on_close: false,
    ...v.view,
    state: { values: {} },
    hash: v.hash,
    previous_view_id: v.previous_view_id,
    root_view_id: v.root_view_id,
    app_id: ws.appId,
    app_installed_team_id: ws.team.id,
    bot_id: ws.botId,
  };
}

function storeView(
  ctx: MethodContext,
  view: Record<string, unknown>,
  previous?: FakeView,
  id?: string,
): FakeView {
  const ws = ctx.workspace;
  const externalId = typeof view.external_id === 'string' && view.external_id ? view.external_id : undefined;
  const clash = externalId && [...ws.views.values()].find((v) => v.external_id === externalId && v.id !== id);
  if (clash) fail('duplicate_external_id');
  const viewId = id ?? ws.newId('V');
  const stored: FakeView = {
    id: viewId,
    hash: `${ws.nowSec()}.${randomBytes(6).toString('hex')}`,
    view,
    root_view_id: previous?.root_view_id ?? viewId,
    previous_view_id: previous && !id ? previous.id : (ws.views.get(viewId)?.previous_view_id ?? null),
    ...(externalId ? { external_id: externalId } : {}),
  };
  ws.views.set(viewId, stored);
  return stored;
}

function useTrigger(ctx: MethodContext): void {
  const trigger = str(ctx.params, 'trigger_id') ?? str(ctx.params, 'interactivity_pointer');
  if (!trigger) fail('invalid_arguments');
  const error = ctx.tokens.consumeTriggerId(trigger);
  if (error) fail(error);
}

export const identityAndViewMethods: Record<string, MethodHandler> = {
  'auth.test': (ctx) => {
    const ws = ctx.workspace;
    return {
      url: `https://${ws.team.domain}.slack.com/`,
      team: ws.team.name,
      user: ws.botUser.name,
      team_id: ws.team.id,
      user_id: ws.botUser.id,
      bot_id: ws.botId,
      is_enterprise_install: false,
    };
  },

  'users.info': (ctx) => ({
    user: userObject(ctx.workspace, resolveUser(ctx.workspace, str(ctx.params, 'user'))),
  }),

  'users.list': (ctx) => ({
    members: [...ctx.workspace.users.values()].map((u) => userObject(ctx.workspace, u)),
    response_metadata: { next_cursor: '' },
  }),

  'users.lookupByEmail': (ctx) => {
    const email = need(ctx.params, 'email', 'users_not_found').toLowerCase();
    const user = [...ctx.workspace.users.values()].find(
      (u) => u.email?.toLowerCase() === email && !u.deleted,
    );
    return { user: userObject(ctx.workspace, user ?? fail('users_not_found')) };
  },

  'usergroups.list': (ctx) => ({
    usergroups: [...ctx.workspace.usergroups.values()].map((g) => ({
      id: g.id,
      team_id: ctx.workspace.team.id,
      handle: g.handle,
      name: g.name,
      is_usergroup: true,
      user_count: g.users.length,
      ...(bool(ctx.params, 'include_users') ? { users: g.users } : {}),
    })),
  }),

  'usergroups.users.list': (ctx) => {
    const group = ctx.workspace.usergroups.get(need(ctx.params, 'usergroup', 'no_such_subteam'));
    return { users: group ? [...group.users] : fail('no_such_subteam') };
  },

  'views.open': (ctx) => {
    const view = viewParam(ctx);
    useTrigger(ctx);
    return { view: viewObject(ctx, storeView(ctx, view)) };
  },

  'views.push': (ctx) => {
    const view = viewParam(ctx);
    useTrigger(ctx);
    const previous = [...ctx.workspace.views.values()].at(-1);
    return { view: viewObject(ctx, storeView(ctx, view, previous)) };
  },

  'views.update': (ctx) => {
    const ws = ctx.workspace;
    const view = viewParam(ctx);
    const viewId = str(ctx.params, 'view_id');
    const externalId = str(ctx.params, 'external_id');
    if (!viewId && !externalId) fail('invalid_arguments');
    const existing = viewId
      ? ws.views.get(viewId)
      : [...ws.views.values()].find((v) => v.external_id === externalId);
    if (!existing) fail('not_found');
    const hash = str(ctx.params, 'hash');
    if (hash && hash !== existing.hash) fail('hash_conflict');
    return { view: viewObject(ctx, storeView(ctx, view, undefined, existing.id)) };
  },

  'views.publish': (ctx) => {
    const user = resolveUser(ctx.workspace, str(ctx.params, 'user_id'));
    const view = viewParam(ctx);
    if (view.type !== 'home') fail('invalid_arguments');
    const existing = [...ctx.workspace.views.values()].find((v) => v.user === user.id);
    const stored = storeView(ctx, view, undefined, existing?.id);
    stored.user = user.id;
    return { view: viewObject(ctx, stored) };
  },

  /** Needs an app-level (xapp-) token; answers a one-time ws:// URL on the fake. */
  'apps.connections.open': (ctx) => {
    if (!ctx.token?.startsWith('xapp-')) fail('not_allowed_token_type');
    return { url: ctx.issueSocketModeUrl() };
  },
};
