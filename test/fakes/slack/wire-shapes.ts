import type { FakeWorkspace } from './fake-workspace.ts';
import type { FakeChannel, FakeFile, FakeMessage, FakeUser } from './workspace-types.ts';

/** Converts workspace records to the objects Slack puts in its answers. */

export function channelObject(
  ws: FakeWorkspace,
  c: FakeChannel,
  includeNumMembers = false,
): Record<string, unknown> {
  if (c.is_im) {
    return {
      id: c.id,
      created: c.created,
      is_im: true,
      is_org_shared: false,
      user: c.user,
      is_user_deleted: false,
      priority: 0,
    };
  }
  const topicOrPurpose = (value: string) => ({
    value,
    creator: value ? c.creator : '',
    last_set: value ? c.created : 0,
  });
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.is_private,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: c.is_private,
    created: c.created,
    is_archived: c.is_archived,
    is_general: c.name === 'general',
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.team.id,
    updated: c.created * 1000,
    parent_conversation: null,
    creator: c.creator,
    is_ext_shared: false,
    shared_team_ids: [ws.team.id],
    is_member: c.members.includes(ws.botUser.id),
    topic: topicOrPurpose(c.topic),
    purpose: topicOrPurpose(c.purpose),
    previous_names: [],
    ...(includeNumMembers ? { num_members: c.members.length } : {}),
  };
}

export function userObject(ws: FakeWorkspace, u: FakeUser): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: u.real_name,
    display_name: u.name,
    real_name_normalized: u.real_name,
    display_name_normalized: u.name,
    team: ws.team.id,
    ...(u.email ? { email: u.email } : {}),
    ...(u.bot_id ? { bot_id: u.bot_id, api_app_id: ws.appId, always_active: true } : {}),
  };
  return {
    id: u.id,
    team_id: ws.team.id,
    name: u.name,
    deleted: u.deleted,
    real_name: u.real_name,
    tz: u.tz,
    tz_label: u.tz,
    tz_offset: 0,
    profile,
    is_admin: u.is_admin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.is_bot,
    is_app_user: false,
    updated: 1_700_000_000,
  };
}

export function fileObject(ws: FakeWorkspace, baseUrl: string, f: FakeFile): Record<string, unknown> {
  const pub = f.channels.filter((id) => !ws.channels.get(id)?.is_private);
  const priv = f.channels.filter((id) => ws.channels.get(id)?.is_private && !ws.channels.get(id)?.is_im);
  const ims = f.channels.filter((id) => ws.channels.get(id)?.is_im);
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title,
    mimetype: f.mimetype,
    filetype: f.filetype,
    pretty_type: f.filetype,
    user: f.user,
    user_team: ws.team.id,
    editable: false,
    size: f.bytes?.length ?? f.declaredLength,
    mode: 'hosted',
    is_external: false,
    is_public: pub.length > 0,
    public_url_shared: false,
    url_private: `${baseUrl}/files-pri/${ws.team.id}-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${baseUrl}/files-pri/${ws.team.id}-${f.id}/download/${encodeURIComponent(f.name)}`,
    permalink: `https://${ws.team.domain}.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
    channels: pub,
    groups: priv,
    ims,
    ...(f.alt_text ? { alt_text: f.alt_text } : {}),
  };
}

/** The message as Slack returns it in history/replies (a copy, without internal fields). */
export function messageObject(m: FakeMessage): Record<string, unknown> {
  return structuredClone(m) as unknown as Record<string, unknown>;
}

/** The `bot_profile` Slack attaches to messages the bot posts. */
export function botProfile(ws: FakeWorkspace): Record<string, unknown> {
  return {
    id: ws.botId,
    app_id: ws.appId,
    name: ws.botUser.name,
    deleted: false,
    team_id: ws.team.id,
    updated: 1_700_000_000,
  };
}

const MIME: Record<string, [string, string]> = {
  txt: ['text', 'text/plain'],
  log: ['text', 'text/plain'],
  md: ['markdown', 'text/markdown'],
  json: ['json', 'application/json'],
  csv: ['csv', 'text/csv'],
  png: ['png', 'image/png'],
  jpg: ['jpg', 'image/jpeg'],
  jpeg: ['jpg', 'image/jpeg'],
  gif: ['gif', 'image/gif'],
  pdf: ['pdf', 'application/pdf'],
  html: ['html', 'text/html'],
  yaml: ['yaml', 'text/plain'],
  yml: ['yaml', 'text/plain'],
};

/** [filetype, mimetype] guessed from a file name, as Slack does. */
export function guessFileType(name: string): [string, string] {
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  return MIME[ext] ?? ['binary', 'application/octet-stream'];
}
