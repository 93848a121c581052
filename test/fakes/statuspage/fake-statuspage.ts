import { documentedSchema } from '../pagers/documented-schema.ts';
import { HttpReceiver, type ReceivedRequest } from '../pagers/http-receiver.ts';

const createProblems = documentedSchema('statuspage-incident.schema.json', 'create');
const updateProblems = documentedSchema('statuspage-incident.schema.json', 'update');

interface FakeIncident {
  id: string;
  name: string;
  status: string;
  updates: { status: string; body: string }[];
  components: Record<string, string>;
}

/**
 * Atlassian Statuspage's REST API v1 for incidents (create, update) on 127.0.0.1, with its
 * `Authorization: OAuth <api key>`. Bodies are checked against the documented fields
 * (test/fixtures/specs/documented/statuspage-incident.schema.json); a non-conforming one gets 422.
 */
export class FakeStatuspage {
  readonly incidents = new Map<string, FakeIncident>();
  readonly specProblems: string[] = [];
  private next = 1;

  private constructor(
    readonly receiver: HttpReceiver,
    private readonly apiKey: string,
    private readonly pageId: string,
  ) {}

  static async start(options: { apiKey: string; pageId: string }): Promise<FakeStatuspage> {
    let fake: FakeStatuspage | undefined;
    const receiver = await HttpReceiver.start((request) => fake?.answer(request) ?? { status: 503 });
    fake = new FakeStatuspage(receiver, options.apiKey, options.pageId);
    return fake;
  }

  get apiUrl(): string {
    return `${this.receiver.url}/v1`;
  }

  private answer(request: ReceivedRequest) {
    if (request.headers.authorization !== `OAuth ${this.apiKey}`)
      return { status: 401, body: { error: 'Unauthorized' } };
    const base = `/v1/pages/${this.pageId}/incidents`;
    if (request.method === 'POST' && request.path === base) {
      const problems = createProblems(request.json);
      if (problems.length > 0) return this.refuse(problems);
      const { incident } = request.json as {
        incident: { name: string; status: string; body?: string; components?: Record<string, string> };
      };
      const id = `p31zjtct2jer${this.next++}`;
      const created: FakeIncident = {
        id,
        name: incident.name,
        status: incident.status,
        updates: [{ status: incident.status, body: incident.body ?? '' }],
        components: { ...incident.components },
      };
      this.incidents.set(id, created);
      return { status: 201, body: this.shape(created) };
    }
    const patch = new RegExp(`^${base}/([a-z0-9]+)$`).exec(request.path);
    const existing = patch && this.incidents.get(patch[1] as string);
    if (request.method === 'PATCH' && existing) {
      const problems = updateProblems(request.json);
      if (problems.length > 0) return this.refuse(problems);
      const { incident } = request.json as {
        incident: { status?: string; body?: string; components?: Record<string, string> };
      };
      if (incident.status) existing.status = incident.status;
      existing.updates.push({ status: existing.status, body: incident.body ?? '' });
      Object.assign(existing.components, incident.components ?? {});
      return { status: 200, body: this.shape(existing) };
    }
    return { status: 404, body: { error: 'Not found' } };
  }

  private refuse(problems: string[]) {
    this.specProblems.push(...problems);
    return { status: 422, body: { error: problems } };
  }

  private shape(incident: FakeIncident) {
    return {
      id: incident.id,
      name: incident.name,
      status: incident.status,
      page_id: this.pageId,
      shortlink: `https://stspg.io/${incident.id}`,
      incident_updates: incident.updates.map((update, index) => ({ id: `u${index}`, ...update })),
    };
  }

  async close(): Promise<void> {
    await this.receiver.close();
  }
}
