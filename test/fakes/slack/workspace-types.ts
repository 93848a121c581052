/** Shapes of the fake workspace's records. They follow the fields Slack returns on the wire. */

export interface FakeTeam {
  id: string;
  domain: string;
  name: string;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
  is_admin: boolean;
  deleted: boolean;
  tz: string;
  email?: string;
  /** Set on the bot user only. */
  bot_id?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  is_archived: boolean;
  created: number;
  creator: string;
  members: string[];
  topic: string;
  purpose: string;
  /** For IMs: the other user. */
  user?: string;
}

export interface FakeReaction {
  name: string;
  users: string[];
  count: number;
}

export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  team?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  reactions?: FakeReaction[];
  pinned_to?: string[];
  edited?: { user: string; ts: string };
  files?: Record<string, unknown>[];
  upload?: boolean;
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface FakeFile {
  id: string;
  name: string;
  title: string;
  filetype: string;
  mimetype: string;
  /** Length declared to files.getUploadURLExternal. */
  declaredLength: number;
  /** The bytes POSTed to the upload URL, once uploaded. */
  bytes?: Buffer;
  alt_text?: string;
  created: number;
  user: string;
  uploadToken: string;
  completed: boolean;
  channels: string[];
}

export interface FakeUsergroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export interface FakeView {
  id: string;
  hash: string;
  view: Record<string, unknown>;
  external_id?: string;
  root_view_id: string;
  previous_view_id: string | null;
  /** The user the view was opened for, when known. */
  user?: string;
}

/** Seed data for a workspace; anything left out gets the defaults from `defaultSeed()`. */
export interface WorkspaceSeed {
  team?: FakeTeam;
  botUser?: FakeUser;
  appId?: string;
  users?: FakeUser[];
  channels?: FakeChannel[];
  usergroups?: FakeUsergroup[];
}
