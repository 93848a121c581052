import { randomBytes } from 'node:crypto';
import { isMember, requireNotArchived } from './channel-access.ts';
import type { FakeWorkspace } from './fake-workspace.ts';
import { fail, int, json, list, type MethodContext, type MethodHandler, str } from './method-context.ts';
import { fileObject, guessFileType } from './wire-shapes.ts';
import type { FakeChannel, FakeFile } from './workspace-types.ts';

/**
 * The files.uploadV2 flow: files.getUploadURLExternal hands out an upload_url on the fake
 * (`/upload/v1/<token>`), the client POSTs the bytes there, files.completeUploadExternal shares
 * the file. files.info and the url_private download work on what was uploaded.
 */

/** Stores the bytes POSTed to an upload_url; returns the HTTP status and text body to answer. */
export function receiveUpload(
  ws: FakeWorkspace,
  uploadToken: string,
  bytes: Buffer,
): { status: number; body: string } {
  const file = [...ws.files.values()].find((f) => f.uploadToken === uploadToken);
  if (!file) return { status: 404, body: 'invalid upload url' };
  if (file.completed) return { status: 410, body: 'upload already completed' };
  file.bytes = bytes;
  return { status: 200, body: `OK - ${bytes.length}` };
}

/** The file behind `/files-pri/<team>-<file>/<name>`, if it has bytes. */
export function fileForDownload(ws: FakeWorkspace, teamAndFile: string): FakeFile | undefined {
  const id = teamAndFile.slice(teamAndFile.indexOf('-') + 1);
  const file = ws.files.get(id);
  return file?.bytes ? file : undefined;
}

function shareTargets(ctx: MethodContext): FakeChannel[] {
  const ws = ctx.workspace;
  const ids = [
    ...new Set([
      ...(str(ctx.params, 'channel_id') ? [str(ctx.params, 'channel_id') as string] : []),
      ...list(ctx.params, 'channels'),
    ]),
  ];
  return ids.map((id) => {
    const channel = ws.findChannel(id) ?? (ws.users.has(id) ? ws.openIm(id) : undefined);
    if (!channel || (channel.is_private && !isMember(channel, ws.botUser.id))) fail('channel_not_found');
    requireNotArchived(channel);
    if (!isMember(channel, ws.botUser.id)) fail('not_in_channel');
    return channel;
  });
}

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': (ctx) => {
    const ws = ctx.workspace;
    const filename = str(ctx.params, 'filename') ?? fail('invalid_arguments');
    const length = int(ctx.params, 'length', -1);
    if (length < 0) fail('invalid_arguments');
    const [filetype, mimetype] = guessFileType(filename);
    const file: FakeFile = {
      id: ws.newId('F'),
      name: filename,
      title: filename,
      filetype: str(ctx.params, 'snippet_type') ?? filetype,
      mimetype,
      declaredLength: length,
      created: ws.nowSec(),
      user: ws.botUser.id,
      uploadToken: randomBytes(12).toString('hex'),
      completed: false,
      channels: [],
      ...(str(ctx.params, 'alt_txt') || str(ctx.params, 'alt_text')
        ? { alt_text: (str(ctx.params, 'alt_txt') ?? str(ctx.params, 'alt_text')) as string }
        : {}),
    };
    ws.files.set(file.id, file);
    return { upload_url: `${ctx.baseUrl}/upload/v1/${file.uploadToken}`, file_id: file.id };
  },

  'files.completeUploadExternal': (ctx) => {
    const ws = ctx.workspace;
    const entries = json(ctx.params, 'files', 'invalid_arguments');
    if (!Array.isArray(entries) || entries.length === 0) fail('invalid_arguments');
    const files = entries.map((entry: { id?: unknown; title?: unknown }) => {
      const file = typeof entry?.id === 'string' ? ws.files.get(entry.id) : undefined;
      if (!file?.bytes) fail('file_not_found');
      if (file.completed) fail('file_upload_already_completed');
      if (typeof entry.title === 'string' && entry.title) file.title = entry.title;
      return file;
    });
    const targets = shareTargets(ctx);
    const threadTs = str(ctx.params, 'thread_ts');
    for (const file of files) {
      file.completed = true;
      file.channels.push(...targets.map((c) => c.id));
    }
    for (const channel of targets) {
      if (threadTs && !ws.findMessage(channel.id, threadTs)) fail('thread_not_found');
      const blocks =
        ctx.params.blocks !== undefined ? json(ctx.params, 'blocks', 'invalid_blocks_format') : undefined;
      ws.addMessage(channel.id, {
        text: str(ctx.params, 'initial_comment') ?? '',
        user: ws.botUser.id,
        bot_id: ws.botId,
        app_id: ws.appId,
        upload: true,
        files: files.map((f) => fileObject(ws, ctx.baseUrl, f)),
        ...(Array.isArray(blocks) ? { blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    }
    return { files: files.map((f) => fileObject(ws, ctx.baseUrl, f)) };
  },

  'files.info': (ctx) => {
    const file = ctx.workspace.files.get(str(ctx.params, 'file') ?? '');
    if (!file?.completed) fail('file_not_found');
    return { file: fileObject(ctx.workspace, ctx.baseUrl, file) };
  },

  /** Retired by Slack (March 2025 for new apps, November 2025 for all); answers `method_deprecated`. */
  'files.upload': () => fail('method_deprecated'),
};
