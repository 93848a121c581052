import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_INTENTS, loginClient, nextEvent } from '../../fakes/discord/discord-client-harness.ts';
import { FakeDiscord, Intent } from '../../fakes/discord/index.ts';

let fake: FakeDiscord;
let client: Client | null = null;

async function login(intents: GatewayIntentBits[] = DEFAULT_TEST_INTENTS): Promise<Client<true>> {
  const c = await loginClient(fake, { intents });
  client = c;
  return c;
}

async function general(c: Client<true>): Promise<TextChannel> {
  return (await c.channels.fetch(fake.ids.generalChannelId)) as TextChannel;
}

beforeEach(async () => {
  fake = await FakeDiscord.start({ token: 'test-token' });
});

afterEach(async () => {
  await client?.destroy();
  client = null;
  await fake.close();
  // Bugs in the fake itself, and endpoints it does not implement, should never go unnoticed.
  expect(fake.rest.internalErrors).toEqual([]);
  expect(fake.rest.unhandledRequests().map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

describe('fake Discord with the real discord.js Client', () => {
  it('logs in: gateway/bot, IDENTIFY with intents, READY and GUILD_CREATE fill the caches', async () => {
    const c = await login();
    expect(c.user.id).toBe(fake.ids.botUserId);
    expect(c.application.id).toBe(fake.ids.applicationId);
    const guild = c.guilds.cache.get(fake.ids.guildId);
    expect(guild?.channels.cache.get(fake.ids.generalChannelId)?.name).toBe('general');
    expect(guild?.channels.cache.get(fake.ids.incidentsCategoryId)?.type).toBe(ChannelType.GuildCategory);
    expect(fake.gateway.identifies[0]?.intents).toBe(
      Intent.Guilds | Intent.GuildMessages | Intent.MessageContent | Intent.GuildMessageReactions,
    );
    expect(fake.rest.requestsTo('GET', '/gateway/bot')).toHaveLength(1);
    expect(fake.rest.requestsTo('GET', '/gateway/bot')[0]?.headers.authorization).toBe('Bot test-token');
  });

  it('rejects a wrong token with 401 like Discord', async () => {
    const c = new Client({ intents: DEFAULT_TEST_INTENTS, ...fake.clientOptions() });
    client = c;
    await expect(c.login('wrong-token')).rejects.toThrow(/token/i);
  });

  it('delivers a slash command and records the ephemeral reply callback', async () => {
    const c = await login();
    const got = nextEvent(c, Events.InteractionCreate);
    const sent = fake.gateway.slashCommand({
      name: 'incident',
      subcommand: 'start',
      options: { severity: 'sev1', title: 'DB down', page: true },
    });
    const [interaction] = await got;
    expect(interaction.isChatInputCommand()).toBe(true);
    const cmd = interaction as ChatInputCommandInteraction;
    expect(cmd.commandName).toBe('incident');
    expect(cmd.options.getSubcommand()).toBe('start');
    expect(cmd.options.getString('severity')).toBe('sev1');
    expect(cmd.options.getBoolean('page')).toBe(true);
    expect(cmd.user.id).toBe(fake.ids.aliceId);
    await cmd.reply({ content: 'Incident opened', flags: MessageFlags.Ephemeral });
    const req = await fake.rest.waitForRequest('POST', '/interactions/:id/:token/callback');
    expect(req.status).toBe(204);
    expect(req.params.interaction_id).toBe(sent.id);
    expect(fake.state.commands.callbacks[0]).toMatchObject({
      type: 4,
      data: { content: 'Incident opened', flags: 64 },
    });
    // Ephemeral replies never show up in channel history.
    expect(fake.state.messages.list(fake.ids.generalChannelId)).toEqual([]);
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('supports deferReply + editReply through the interaction webhook', async () => {
    const c = await login();
    const got = nextEvent(c, Events.InteractionCreate);
    fake.gateway.slashCommand({ name: 'incident', subcommand: 'status' });
    const [cmd] = await got;
    if (!cmd.isChatInputCommand()) throw new Error('expected a slash command');
    await cmd.deferReply();
    const edited = await cmd.editReply({ content: 'All systems nominal' });
    expect(edited.content).toBe('All systems nominal');
    const follow = await cmd.followUp({ content: 'details', flags: MessageFlags.Ephemeral });
    expect(follow.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(fake.state.commands.callbacks.map((cb) => cb.type)).toEqual([5]);
    expect(fake.rest.requestsTo('PATCH', '/webhooks/:app/:token/messages/@original')).toHaveLength(1);
    const history = fake.state.messages.list(fake.ids.generalChannelId);
    expect(history.map((m) => [m.content, m.type, m.flags])).toEqual([['All systems nominal', 20, 0]]);
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('delivers MESSAGE_CREATE with content, and echoes the bot’s own messages back', async () => {
    const c = await login();
    const got = nextEvent(c, Events.MessageCreate);
    fake.gateway.messageCreate({ content: 'is the site down?' });
    const [msg] = await got;
    expect(msg.content).toBe('is the site down?');
    expect(msg.author.id).toBe(fake.ids.aliceId);
    const echoed = nextEvent(c, Events.MessageCreate);
    const mine = await msg.reply('looking');
    const [echo] = await echoed;
    expect(echo.id).toBe(mine.id);
    expect(echo.author.id).toBe(c.user.id);
  });

  it('blanks content without the MESSAGE_CONTENT intent', async () => {
    const c = await login([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const got = nextEvent(c, Events.MessageCreate);
    fake.gateway.messageCreate({ content: 'secret' });
    const [msg] = await got;
    expect(msg.content).toBe('');
  });

  it('records channel.send with an embed, which matches the OpenAPI spec', async () => {
    const c = await login();
    const channel = await general(c);
    const embed = new EmbedBuilder()
      .setTitle('SEV1: checkout down')
      .setDescription('Impact: all users')
      .addFields({
        name: 'Commander',
        value: '<@1>',
      });
    const sent = await channel.send({ content: 'New incident', embeds: [embed] });
    const req = fake.rest.requestsTo('POST', '/channels/:channel_id/messages')[0];
    expect(req?.status).toBe(200);
    expect(req?.body).toMatchObject({ content: 'New incident', embeds: [{ title: 'SEV1: checkout down' }] });
    expect(sent.embeds[0]?.title).toBe('SEV1: checkout down');
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('uploads files as multipart (files[n] + payload_json) and serves them back', async () => {
    const c = await login();
    const channel = await general(c);
    const file = new AttachmentBuilder(Buffer.from('timeline'), { name: 'timeline.txt' });
    const sent = await channel.send({ content: 'timeline attached', files: [file] });
    const req = fake.rest.requestsTo('POST', '/channels/:id/messages')[0];
    expect(req?.contentType).toMatch(/^multipart\/form-data/);
    expect(req?.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([
      ['files[0]', 'timeline.txt', 'timeline'],
    ]);
    const url = sent.attachments.first()?.url ?? '';
    expect(await (await fetch(url)).text()).toBe('timeline');
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('rejects an over-limit embed with 400 50035 Invalid Form Body', async () => {
    const c = await login();
    const channel = await general(c);
    const embed = { title: 'x'.repeat(257), description: 'ok' };
    const err = await channel.send({ embeds: [embed] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50035);
    expect((err as DiscordAPIError).status).toBe(400);
    expect((err as DiscordAPIError).message).toContain('embeds[0].title[BASE_TYPE_MAX_LENGTH]');
    expect(fake.state.messages.list(fake.ids.generalChannelId)).toHaveLength(0);
  });

  it('makes discord.js retry a 429 after retry_after and then succeed', async () => {
    const c = await login();
    const channel = await general(c);
    fake.rest.failNext('POST /channels/:id/messages', {
      status: 429,
      retryAfter: 0.2,
      exactRetryAfterHeader: true,
    });
    const started = Date.now();
    const sent = await channel.send('after the rate limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const attempts = fake.rest.requestsTo('POST', '/channels/:id/messages');
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[0]?.responseBody).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.2,
      global: false,
    });
    expect(sent.content).toBe('after the rate limit');
  });

  it('surfaces 403 50013 on channel create (injected and via permissions) and 50001 on hidden channels', async () => {
    const c = await login();
    const guild = c.guilds.cache.get(fake.ids.guildId)!;
    fake.rest.failNext('POST /guilds/:id/channels', { status: 403, code: 50013 });
    const injected = await guild.channels.create({ name: 'inc-1' }).catch((e: unknown) => e);
    expect(injected).toBeInstanceOf(DiscordAPIError);
    expect((injected as DiscordAPIError).code).toBe(50013);
    fake.setBotPermissions({ manageChannels: false });
    const denied = await guild.channels.create({ name: 'inc-2' }).catch((e: unknown) => e);
    expect((denied as DiscordAPIError).code).toBe(50013);
    fake.setBotPermissions({ manageChannels: true });
    const created = await guild.channels.create({
      name: 'INC 3 DB Outage',
      parent: fake.ids.incidentsCategoryId,
    });
    expect(created.name).toBe('inc-3-db-outage');
    expect(created.parentId).toBe(fake.ids.incidentsCategoryId);
    fake.setBotPermissions({ viewChannel: false }, { channelId: created.id });
    const hidden = await created.send('hello').catch((e: unknown) => e);
    expect((hidden as DiscordAPIError).code).toBe(50001);
  });

  it('stores a bulk overwrite of guild commands and keeps ids stable', async () => {
    const c = await login();
    const guild = c.guilds.cache.get(fake.ids.guildId)!;
    const body = [
      {
        name: 'incident',
        description: 'Incident commands',
        options: [{ type: 1, name: 'start', description: 'Start an incident' }],
      },
    ];
    const first = await guild.commands.set(body);
    const second = await guild.commands.set(body);
    expect(first.first()?.id).toBe(second.first()?.id);
    const stored = fake.state.commands.list(fake.ids.guildId);
    expect(stored.map((s) => s.body.name)).toEqual(['incident']);
    expect(fake.rest.requestsTo('PUT', '/applications/:app/guilds/:guild/commands')).toHaveLength(2);
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('round-trips a button click, a thread, a pin and a reaction', async () => {
    const c = await login();
    const channel = await general(c);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('ack').setLabel('Ack').setStyle(ButtonStyle.Primary),
    );
    const msg = await channel.send({ content: 'Page: SEV1', components: [row] });
    const got = nextEvent(c, Events.InteractionCreate);
    fake.gateway.buttonClick({ customId: 'ack', userId: fake.ids.bobId });
    const [click] = await got;
    if (!click.isButton()) throw new Error('expected a button interaction');
    await click.update({ content: 'Acked by bob', components: [] });
    expect(fake.state.messages.find(channel.id, msg.id)?.content).toBe('Acked by bob');
    const thread = await msg.startThread({ name: 'SEV1 war room' });
    expect(thread.id).toBe(msg.id);
    await msg.pin();
    await msg.react('📌');
    const stored = fake.state.messages.find(channel.id, msg.id);
    expect(stored?.pinned).toBe(true);
    expect([...(stored?.reactions.keys() ?? [])]).toEqual(['📌']);
    const reacted = nextEvent(c, Events.MessageReactionAdd);
    fake.gateway.reactionAdd({ messageId: msg.id, userId: fake.ids.aliceId, emoji: '👀' });
    const [, user] = await reacted;
    expect(user.id).toBe(fake.ids.aliceId);
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('lets discord.js retry a 500 and surfaces a persistent one', async () => {
    const c = await login();
    const channel = await general(c);
    fake.rest.failNext('POST /channels/:id/messages', { status: 500 });
    await channel.send('retried');
    expect(fake.rest.requestsTo('POST', '/channels/:id/messages').map((r) => r.status)).toEqual([500, 200]);
    fake.rest.failNext('POST /channels/:id/messages', { status: 503 }, 10);
    await expect(channel.send('gives up')).rejects.toMatchObject({ status: 503 });
    fake.rest.faults.clear();
  });

  it('handles select menus and modals', async () => {
    const c = await login();
    const channel = await general(c);
    const select = new StringSelectMenuBuilder()
      .setCustomId('sev')
      .addOptions({ label: 'SEV1', value: 'sev1' }, { label: 'SEV2', value: 'sev2' });
    await channel.send({
      content: 'Pick severity',
      components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)],
    });
    const picked = nextEvent(c, Events.InteractionCreate);
    fake.gateway.selectMenu({ customId: 'sev', values: ['sev2'] });
    const [menu] = await picked;
    if (!menu.isStringSelectMenu()) throw new Error('expected a select menu');
    expect(menu.values).toEqual(['sev2']);
    const modal = new ModalBuilder()
      .setCustomId('summary')
      .setTitle('Summary')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId('impact').setLabel('Impact').setStyle(TextInputStyle.Short),
        ),
      );
    await menu.showModal(modal);
    expect(fake.state.commands.callbacks.at(-1)).toMatchObject({ type: 9, data: { custom_id: 'summary' } });
    const submitted = nextEvent(c, Events.InteractionCreate);
    fake.gateway.modalSubmit({ customId: 'summary', fields: { impact: 'checkout 500s' } });
    const [submit] = await submitted;
    if (!submit.isModalSubmit()) throw new Error('expected a modal submit');
    expect(submit.fields.getTextInputValue('impact')).toBe('checkout 500s');
    await submit.reply({ content: 'thanks' });
    expect(fake.rest.specViolations()).toEqual([]);
  });

  it('opens DMs and reports 50007 when the user has DMs closed', async () => {
    const c = await login();
    const bob = await c.users.fetch(fake.ids.bobId);
    const dm = await bob.send('You are paged for SEV1');
    expect(dm.channel.type).toBe(ChannelType.DM);
    fake.state.requireUser(fake.ids.bobId).dmsOpen = false;
    const err = await bob.send('again').catch((e: unknown) => e);
    expect((err as DiscordAPIError).code).toBe(50007);
  });

  it('resumes after the gateway drops the connection and keeps delivering events', async () => {
    const c = await login();
    const resumed = nextEvent(c, Events.ShardResume);
    fake.gateway.disconnectAll(4000);
    await resumed;
    const got = nextEvent(c, Events.MessageCreate);
    fake.gateway.messageCreate({ content: 'after resume' });
    expect((await got)[0].content).toBe('after resume');
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.received.some((f) => f.op === 6)).toBe(true);
  });
});
