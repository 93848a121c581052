import { randomBytes } from 'node:crypto';
import type { FakeDiscordState } from './fake-discord-state.ts';
import type { FakeMessage } from './model-types.ts';
import { channelWire, memberWire, messageWire, roleWire, userWire } from './wire.ts';

/** Builds INTERACTION_CREATE payloads with every field discord.js 14 needs, and registers them for callbacks. */

export type OptionValue = string | number | boolean;

/** type: 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 10 number (inferred from the value if omitted). */
export interface CommandOptionInput {
  name: string;
  value: OptionValue;
  type?: number;
  focused?: boolean;
}

export interface InteractionBase {
  /** Default: the seeded #general. */
  channelId?: string;
  /** Who invoked it. Default: the seeded alice. */
  userId?: string;
  locale?: string;
}

export interface SlashCommandInput extends InteractionBase {
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  /** `{ severity: 'sev1', page: true }` (types inferred) or explicit option objects. */
  options?: Record<string, OptionValue> | CommandOptionInput[];
  /** Default: the id of the registered command with this name, else a fresh snowflake. */
  commandId?: string;
  /** 1 chat input (default), 2 user, 3 message. */
  commandType?: number;
}

export interface ComponentBase extends InteractionBase {
  customId: string;
  /** The message carrying the component. Default: the newest bot message in the channel that has it. */
  messageId?: string;
}

export interface SelectInput extends ComponentBase {
  values: string[];
  /** 3 string select (default), 5 user, 6 role, 7 mentionable, 8 channel. */
  componentType?: number;
}

export interface ModalInput extends InteractionBase {
  customId: string;
  /** Text input custom_id → value. */
  fields: Record<string, string>;
  /** Send fields wrapped in Label components (type 18) instead of action rows. */
  labels?: boolean;
  messageId?: string;
}

export type InteractionInput =
  | ({ kind: 'command' } & SlashCommandInput)
  | ({ kind: 'button' } & ComponentBase)
  | ({ kind: 'select' } & SelectInput)
  | ({ kind: 'modal' } & ModalInput)
  | ({ kind: 'raw'; type: number; data: Record<string, unknown>; messageId?: string } & InteractionBase);

export interface BuiltInteraction {
  id: string;
  token: string;
  applicationId: string;
  payload: Record<string, unknown>;
}

function optionType(o: CommandOptionInput): number {
  if (o.type !== undefined) return o.type;
  if (typeof o.value === 'boolean') return 5;
  if (typeof o.value === 'number') return Number.isInteger(o.value) ? 4 : 10;
  return 3;
}

function commandData(state: FakeDiscordState, input: SlashCommandInput, guildId: string | null) {
  const list: CommandOptionInput[] = Array.isArray(input.options)
    ? input.options
    : Object.entries(input.options ?? {}).map(([name, value]) => ({ name, value }));
  const resolved: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown) => {
    resolved[kind] = { ...(resolved[kind] ?? {}), [id]: value };
  };
  let options: unknown[] = list.map((o) => {
    const type = optionType(o);
    const id = String(o.value);
    const user = state.users.get(id);
    if ((type === 6 || type === 9) && user) {
      put('users', id, userWire(user));
      const member = memberWire(state, id, false);
      if (member) put('members', id, { ...member, permissions: state.permissionsOf(id).toString() });
    }
    const channel = state.channels.get(id);
    if (type === 7 && channel) put('channels', id, { ...channelWire(state, channel), permissions: '0' });
    const role = state.roles.get(id);
    if ((type === 8 || type === 9) && role) put('roles', id, roleWire(role));
    return { name: o.name, type, value: o.value, ...(o.focused ? { focused: true } : {}) };
  });
  if (input.subcommand) options = [{ type: 1, name: input.subcommand, options }];
  if (input.subcommandGroup) options = [{ type: 2, name: input.subcommandGroup, options }];
  const registered = state.commands.findByName(input.name, guildId);
  return {
    id: input.commandId ?? registered?.id ?? state.snowflakes.next(),
    name: input.name,
    type: input.commandType ?? 1,
    ...(options.length > 0 ? { options } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    ...(registered?.guildId ? { guild_id: registered.guildId } : {}),
  };
}

function customIds(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((c) => {
    if (typeof c !== 'object' || c === null) return [];
    const o = c as Record<string, unknown>;
    const own = typeof o.custom_id === 'string' ? [o.custom_id] : [];
    const nested = [...customIds(o.components), ...customIds(o.component ? [o.component] : [])];
    return [...own, ...nested, ...customIds(o.accessory ? [o.accessory] : [])];
  });
}

/** The message a component lives on: the given id, or the newest bot message in the channel carrying customId. */
function componentMessage(
  state: FakeDiscordState,
  channelId: string,
  customId: string,
  messageId?: string,
): FakeMessage {
  const msg = messageId
    ? state.messages.findById(messageId)
    : state.messages
        .list(channelId)
        .reverse()
        .find((m) => m.authorId === state.ids.botUserId && customIds(m.components).includes(customId));
  if (!msg)
    throw new Error(
      `fake-discord: no message ${messageId ?? `in ${channelId}`} with component "${customId}"`,
    );
  if (!customIds(msg.components).includes(customId)) {
    throw new Error(`fake-discord: message ${msg.id} has no component with custom_id "${customId}"`);
  }
  return msg;
}

/** Builds the payload and registers the interaction; the caller dispatches it. */
export function buildInteraction(state: FakeDiscordState, input: InteractionInput): BuiltInteraction {
  const channel = state.requireChannel(input.channelId ?? state.ids.generalChannelId);
  const userId = input.userId ?? state.ids.aliceId;
  const guildId = channel.guildId;
  let type: number;
  let data: Record<string, unknown>;
  let message: FakeMessage | undefined;
  if (input.kind === 'command') {
    type = 2;
    data = commandData(state, input, guildId);
  } else if (input.kind === 'button' || input.kind === 'select') {
    type = 3;
    message = componentMessage(state, channel.id, input.customId, input.messageId);
    data =
      input.kind === 'button'
        ? { custom_id: input.customId, component_type: 2 }
        : { custom_id: input.customId, component_type: input.componentType ?? 3, values: input.values };
  } else if (input.kind === 'modal') {
    type = 5;
    message = input.messageId ? state.messages.findById(input.messageId) : undefined;
    const inputs = Object.entries(input.fields).map(([custom_id, value], i) => ({
      type: 4,
      id: i + 2,
      custom_id,
      value,
    }));
    const components = input.labels
      ? inputs.map((component, i) => ({ type: 18, id: 100 + i, component }))
      : inputs.map((c, i) => ({ type: 1, id: 100 + i, components: [c] }));
    data = { custom_id: input.customId, components };
  } else {
    type = input.type;
    data = input.data;
    message = input.messageId ? state.messages.findById(input.messageId) : undefined;
  }
  const id = state.snowflakes.next();
  const token = `fake-interaction-${randomBytes(24).toString('base64url')}`;
  const applicationId = state.ids.applicationId;
  const user = state.requireUser(userId);
  const member = guildId ? memberWire(state, userId) : null;
  const payload: Record<string, unknown> = {
    id,
    application_id: applicationId,
    type,
    data,
    token,
    version: 1,
    locale: input.locale ?? 'en-US',
    ...(guildId && member
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: { ...member, permissions: state.permissionsOf(userId, channel.id).toString() },
        }
      : { user: userWire(user) }),
    channel: {
      ...channelWire(state, channel),
      permissions: state.permissionsOf(userId, channel.id).toString(),
    },
    channel_id: channel.id,
    app_permissions: state.botPermissions(channel.id).toString(),
    entitlements: [],
    authorizing_integration_owners: guildId ? { '0': guildId } : { '1': userId },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(message ? { message: messageWire(state, message) } : {}),
  };
  state.commands.registerInteraction({
    id,
    token,
    applicationId,
    type,
    channelId: channel.id,
    guildId,
    userId,
    messageId: message?.id ?? null,
    responseType: null,
    originalMessageId: null,
    followUpMessageIds: [],
  });
  return { id, token, applicationId, payload };
}
