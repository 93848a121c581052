import { afterEach, describe, expect, it } from 'vitest';
import { FakeStatuspage } from '../../fakes/statuspage/fake-statuspage.ts';
import {
  closeAll,
  type FollowUpBot,
  rateLimitOnce,
  retryOf,
  STATUSPAGE_KEY,
  startBot,
} from './follow-ups-harness.ts';

let fake: FakeStatuspage | undefined;
let bot: FollowUpBot | undefined;
afterEach(async () => {
  await closeAll(fake, bot);
  [fake, bot] = [undefined, undefined];
});

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';

async function summary(b: FollowUpBot) {
  return (await (await b.request('/status/summary.json')).json()) as {
    incidents: {
      name: string;
      status: string;
      impact: string;
      incident_updates: { body: string; status: string }[];
    }[];
    status: { indicator: string; description: string };
  };
}

describe("tocsin's own status page", () => {
  it('shows a published update in summary.json, with the impact of the severity', async () => {
    bot = await startBot({});
    await bot.say('status identified --public Checkout is failing for some customers. A fix is rolling out.');
    const body = await summary(bot);
    expect(body.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(body.incidents).toHaveLength(1);
    expect(body.incidents[0]).toMatchObject({
      name: 'Checkout is failing for some customers.',
      status: 'identified',
      impact: 'major',
      incident_updates: [
        { status: 'identified', body: 'Checkout is failing for some customers. A fix is rolling out.' },
      ],
    });
  });

  it('shows only what was published as public, redacted, and nothing of the incident else', async () => {
    bot = await startBot({}, 'start sev2 payments-db primary wedged');
    await bot.say('note the root password is hunter2, rotate it');
    await bot.say('status investigating internal: looking at payments-db');
    await bot.say(`status monitoring --public Payments work again. Debug key ${AWS_KEY} was not exposed.`);
    const page = await (await bot.request('/status')).text();
    const json =
      JSON.stringify(await summary(bot)) +
      JSON.stringify(await (await bot.request('/status/incidents.json')).json());
    for (const text of [page, json]) {
      expect(text).toContain('Payments work again.');
      expect(text).not.toContain('payments-db');
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('INC-1');
      expect(text).not.toContain(AWS_KEY);
    }
    expect(page).toContain('[REDACTED:');
  });

  it('says all is well when nothing was published, and escapes what was', async () => {
    bot = await startBot({});
    expect((await summary(bot)).status).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
    await bot.say('status investigating --public <script>alert(1)</script> we look into it');
    const page = await (await bot.request('/status')).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
  });

  it('marks the public incident resolved when the incident is resolved', async () => {
    bot = await startBot({});
    await bot.say('status identified --public A fix is rolling out.');
    await bot.say('resolve fixed the flag');
    const body = (await (await bot.request('/status/incidents.json')).json()) as {
      incidents: { status: string; resolved_at: string | null }[];
    };
    expect(body.incidents[0]?.status).toBe('resolved');
    expect(body.incidents[0]?.resolved_at).not.toBeNull();
    expect((await summary(bot)).incidents).toEqual([]);
  });

  it('refuses --public in a private incident and writes nothing', async () => {
    bot = await startBot({}, 'start private sev2 acquisition leak');
    const before = (await bot.events()).length;
    expect(await bot.say('status identified --public we know')).toContain('This incident is private');
    expect(await bot.events()).toHaveLength(before);
  });
});

describe('publishing to Statuspage', () => {
  async function statuspageBot() {
    fake = await FakeStatuspage.start({ apiKey: STATUSPAGE_KEY, pageId: 'abc123' });
    bot = await startBot({
      status_page: {
        statuspage: {
          page_id: 'abc123',
          api_key: STATUSPAGE_KEY,
          api_url: fake.apiUrl,
          components: { ftgks51sfs2d: 'partial_outage' },
        },
      },
    });
    return { bot, fake };
  }

  it('creates the incident the first time and updates it after, down to resolved', async () => {
    const { bot, fake } = await statuspageBot();
    await bot.say('status investigating --public Checkout is failing for some customers.');
    await bot.waitForEvent((event) => event.type === 'status_page_synced');
    await bot.say('status monitoring --public A fix is out; we are watching.');
    await bot.say('resolve');
    await bot.waitForEvent((event) => event.type === 'status_page_synced' && event.published > 5);
    await bot.app.jobs.settle();
    const requests = fake.receiver.requests;
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/pages/abc123/incidents' });
    expect(requests[0]?.json).toMatchObject({
      incident: {
        name: 'Checkout is failing for some customers.',
        status: 'investigating',
        impact_override: 'major',
        components: { ftgks51sfs2d: 'partial_outage' },
      },
    });
    const [incident] = [...fake.incidents.values()];
    expect(
      requests
        .slice(1)
        .every(
          (request) =>
            request.method === 'PATCH' && request.path === `/v1/pages/abc123/incidents/${incident?.id}`,
        ),
    ).toBe(true);
    expect(incident?.status).toBe('resolved');
    expect(incident?.components).toEqual({ ftgks51sfs2d: 'operational' });
    expect(fake.specProblems).toEqual([]);
  });

  it('retries after a 429, waiting what Retry-After asks', async () => {
    const { bot, fake } = await statuspageBot();
    rateLimitOnce(fake.receiver, 429, { error: 'Rate limited' });
    await bot.say('status investigating --public Checkout is failing.');
    await bot.waitForEvent((event) => event.type === 'status_page_synced');
    expect(retryOf(fake.receiver.requests)).toEqual({ statuses: [429, 201], waited: true });
  });
});
