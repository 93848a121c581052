import { documentedSchema } from '../pagers/documented-schema.ts';
import { HttpReceiver, type ReceivedRequest } from '../pagers/http-receiver.ts';

type Category = 'new' | 'indeterminate' | 'done';

interface FakeIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  category: Category;
}

const STATUS: Record<Category, { name: string; id: string; categoryId: number; categoryName: string }> = {
  new: { name: 'To Do', id: '10000', categoryId: 2, categoryName: 'To Do' },
  indeterminate: { name: 'In Progress', id: '3', categoryId: 4, categoryName: 'In Progress' },
  done: { name: 'Done', id: '10001', categoryId: 3, categoryName: 'Done' },
};

const createProblems = documentedSchema('jira-create-issue.schema.json');
const webhookProblems = documentedSchema('jira-issue-updated-webhook.schema.json');

/**
 * Jira Cloud REST v3, the part tocsin uses (create an issue, read its status), on 127.0.0.1, with
 * basic auth (email + API token). Create bodies are checked against the documented fields
 * (test/fixtures/specs/documented/jira-create-issue.schema.json): a non-conforming one gets Jira's 400.
 */
export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  readonly specProblems: string[] = [];
  private next = 1;

  private constructor(
    readonly receiver: HttpReceiver,
    private readonly auth: string,
  ) {}

  static async start(options: { email: string; token: string }): Promise<FakeJira> {
    let fake: FakeJira | undefined;
    const receiver = await HttpReceiver.start((request) => fake?.answer(request) ?? { status: 503 });
    fake = new FakeJira(
      receiver,
      `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`,
    );
    return fake;
  }

  get url(): string {
    return this.receiver.url;
  }

  creates(): ReceivedRequest[] {
    return this.receiver.requests.filter(
      (request) => request.method === 'POST' && request.path === '/rest/api/3/issue',
    );
  }

  private answer(request: ReceivedRequest) {
    if (request.headers.authorization !== this.auth) {
      return {
        status: 401,
        body: {
          errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        },
      };
    }
    if (request.method === 'POST' && request.path === '/rest/api/3/issue') {
      const problems = createProblems(request.json);
      if (problems.length > 0) {
        this.specProblems.push(...problems);
        return { status: 400, body: { errorMessages: problems, errors: {} } };
      }
      const { fields } = request.json as { fields: Record<string, unknown> & { project: { key: string } } };
      const id = String(10000 + this.next);
      const key = `${fields.project.key}-${this.next++}`;
      this.issues.set(key, { id, key, fields, category: 'new' });
      return { status: 201, body: { id, key, self: `${this.url}/rest/api/3/issue/${id}` } };
    }
    const get = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]+-\d+)$/.exec(request.path);
    const issue = get && this.issues.get(get[1] as string);
    if (request.method === 'GET' && issue) {
      return {
        status: 200,
        body: {
          id: issue.id,
          key: issue.key,
          self: `${this.url}/rest/api/3/issue/${issue.id}`,
          fields: { status: this.status(issue.category) },
        },
      };
    }
    return {
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    };
  }

  private status(category: Category) {
    const status = STATUS[category];
    return {
      self: `${this.url}/rest/api/3/status/${status.id}`,
      name: status.name,
      id: status.id,
      statusCategory: {
        self: `${this.url}/rest/api/3/statuscategory/${status.categoryId}`,
        id: status.categoryId,
        key: category,
        name: status.categoryName,
      },
    };
  }

  /** Moves the issue to a status of that category and returns the `jira:issue_updated` payload. */
  transition(key: string, category: Category, at = Date.now()): string {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`fake Jira has no issue ${key}`);
    const from = STATUS[issue.category];
    issue.category = category;
    const to = STATUS[category];
    const payload = {
      timestamp: at,
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      user: {
        self: `${this.url}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
        accountId: '5b10a2844c20165700ede21g',
        displayName: 'Mia Krystof',
      },
      issue: {
        id: issue.id,
        self: `${this.url}/rest/api/3/issue/${issue.id}`,
        key,
        fields: { status: this.status(category) },
      },
      changelog: {
        id: String(at),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            from: from.id,
            fromString: from.name,
            to: to.id,
            toString: to.name,
          },
        ],
      },
    };
    const problems = webhookProblems(payload);
    if (problems.length > 0)
      throw new Error(`fake Jira built a non-conforming payload: ${problems.join('; ')}`);
    return JSON.stringify(payload);
  }

  async close(): Promise<void> {
    await this.receiver.close();
  }
}
