import { FAKE_IDS, humanMessage } from '../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from '../integration/slack/slack-harness.ts';
import { type AdapterDriver, commandText, declaredNumber, type Person } from './adapter-driver.ts';

const USERS: Record<Person, string> = { alice: FAKE_IDS.alice, bob: FAKE_IDS.bob };

/** A message as people read it: its sections (the fallback `text` is only a notification's preview). */
function readable(message: { text?: unknown; blocks?: unknown }): string {
  const sections = ((message.blocks ?? []) as { type?: string; text?: { text?: string } }[])
    .filter((block) => block.type === 'section' && block.text?.text !== undefined)
    .map((block) => block.text?.text as string);
  return sections.length > 0 ? sections.join('\n') : String(message.text ?? '');
}

/** What the bot said since: response_url answers, then Web API posts, each in the order sent. */
function seenSince(h: SlackHarness, posts: number, calls: number): string[] {
  const answers = h.fake.responseUrlPosts.slice(posts).map((post) => readable(post.body ?? {}));
  const messages = h.fake.calls
    .slice(calls)
    .filter((call) => call.method === 'chat.postMessage' || call.method === 'chat.postEphemeral')
    .map((call) => readable(call.params));
  return [...answers, ...messages];
}

/** The Slack adapter (real Bolt, HTTP mode) against the fake Slack, as in the integration tests. */
export async function startSlackDriver(): Promise<AdapterDriver> {
  const h = await startSlackHarness();
  let number = 0;
  let channel: string = FAKE_IDS.general;
  const event = async (payload: Record<string, unknown>) => {
    await h.event(payload);
    await h.settle();
  };
  return {
    platform: 'slack',
    redactor: h.app.services.redactor,
    async command(name, options = {}, as = 'alice') {
      const posts = h.fake.responseUrlPosts.length;
      const calls = h.fake.calls.length;
      await h.command(commandText(name, options), { user_id: USERS[as], channel_id: channel });
      await h.settle();
      const seen = seenSince(h, posts, calls);
      const declared = declaredNumber(seen);
      if (declared !== undefined) {
        number = declared;
        channel = (await h.incident(number)).channel?.id ?? channel;
      }
      return seen;
    },
    mention: (person) => `<@${USERS[person]}>`,
    async say(text, as = 'alice') {
      const said = humanMessage(h.fake.workspace, { channel, user: USERS[as], text });
      await event(said);
      return { id: String(said.ts), author: as };
    },
    async edit(message, text) {
      const user = USERS[message.author];
      await event({
        type: 'message',
        subtype: 'message_changed',
        channel,
        hidden: true,
        ts: h.fake.workspace.nextTs(),
        message: {
          type: 'message',
          user,
          text,
          ts: message.id,
          edited: { user, ts: h.fake.workspace.nextTs() },
        },
        previous_message: { type: 'message', user, text: '', ts: message.id },
      });
    },
    async remove(message) {
      await event({
        type: 'message',
        subtype: 'message_deleted',
        channel,
        hidden: true,
        ts: h.fake.workspace.nextTs(),
        deleted_ts: message.id,
        previous_message: { type: 'message', user: USERS[message.author], text: '', ts: message.id },
      });
    },
    async pin(message, by = 'alice') {
      await event({
        type: 'reaction_added',
        user: USERS[by],
        reaction: 'pushpin',
        item: { type: 'message', channel, ts: message.id },
        item_user: USERS[message.author],
        event_ts: h.fake.workspace.nextTs(),
      });
    },
    events: () => h.app.store.read(h.ref(number)),
    async close() {
      const violations = h.fake.specViolations();
      await h.close();
      if (violations.length > 0) throw new Error(`off Slack's spec: ${JSON.stringify(violations)}`);
    },
  };
}
