import { sign } from '@octokit/webhooks-methods';
import { HttpReceiver, type ReceivedRequest } from '../pagers/http-receiver.ts';
import { requestProblems, specExample, webhookProblems } from './github-spec.ts';

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  updatedAt: string;
}

/**
 * GitHub's REST API for issues, as far as tocsin uses it (create, get), on 127.0.0.1. Every
 * request body is checked against GitHub's OpenAPI description; a non-conforming one gets 422 as
 * GitHub would, and is listed in `specProblems` so a test can fail on it. Answers are the spec's own
 * example issue with the fields that matter filled in.
 */
export class FakeGithub {
  readonly issues = new Map<string, FakeIssue>();
  readonly specProblems: string[] = [];
  private next = 1;
  private loseAnswer = false;

  private constructor(
    readonly receiver: HttpReceiver,
    readonly token: string,
  ) {}

  static async start(options: { token: string }): Promise<FakeGithub> {
    let fake: FakeGithub | undefined;
    const receiver = await HttpReceiver.start((request) => fake?.answer(request) ?? { status: 503 });
    fake = new FakeGithub(receiver, options.token);
    return fake;
  }

  get url(): string {
    return this.receiver.url;
  }

  /** The next create makes the issue but answers 502, as when GitHub's answer is lost on the way. */
  loseNextCreateAnswer(): void {
    this.loseAnswer = true;
  }

  /** The POSTs that created issues. */
  creates(): ReceivedRequest[] {
    return this.receiver.requests.filter(
      (request) => request.method === 'POST' && /\/issues$/.test(request.path),
    );
  }

  private answer(request: ReceivedRequest) {
    if (
      request.headers.authorization !== `token ${this.token}` &&
      request.headers.authorization !== `bearer ${this.token}`
    ) {
      return {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
      };
    }
    const create = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.path);
    if (create && request.method === 'POST') {
      const problems = requestProblems('post', '/repos/{owner}/{repo}/issues', request.json);
      if (problems.length > 0) {
        this.specProblems.push(...problems);
        return { status: 422, body: { message: 'Validation Failed', errors: problems } };
      }
      const body = request.json as { title: string; body?: string; labels?: string[]; assignees?: string[] };
      const issue: FakeIssue = {
        number: this.next++,
        title: String(body.title),
        body: body.body ?? '',
        labels: body.labels ?? [],
        assignees: body.assignees ?? [],
        state: 'open',
        updatedAt: new Date().toISOString(),
      };
      this.issues.set(`${create[1]}/${create[2]}#${issue.number}`, issue);
      if (this.loseAnswer) {
        this.loseAnswer = false;
        return { status: 502, body: { message: 'Server Error' } };
      }
      return { status: 201, body: this.restIssue(`${create[1]}/${create[2]}`, issue) };
    }
    if (create && request.method === 'GET') {
      const repo = `${create[1]}/${create[2]}`;
      const newest = [...this.issues.entries()]
        .filter(([key]) => key.startsWith(`${repo}#`))
        .map(([, issue]) => this.restIssue(repo, issue))
        .reverse();
      return { status: 200, body: newest.slice(0, Number(request.query.get('per_page') ?? 30)) };
    }
    const get = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(request.path);
    if (get && request.method === 'GET') {
      const repo = `${get[1]}/${get[2]}`;
      const issue = this.issues.get(`${repo}#${get[3]}`);
      if (!issue) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: this.restIssue(repo, issue) };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  private restIssue(repo: string, issue: FakeIssue): Record<string, unknown> {
    // The spec's example issue is a pull request's; these are plain issues.
    const { pull_request: _pull, ...example } = specExample<Record<string, unknown>>('issue');
    return {
      ...example,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      html_url: `https://github.com/${repo}/issues/${issue.number}`,
      url: `${this.url}/repos/${repo}/issues/${issue.number}`,
      labels: issue.labels.map((name, index) => ({ id: index + 1, name })),
      assignees: issue.assignees.map((login) => ({ ...(example.user as object), login })),
      updated_at: issue.updatedAt,
    };
  }

  /** Closes or reopens an issue as someone on GitHub would, and returns the `issues` webhook payload. */
  setState(repo: string, number: number, action: 'closed' | 'reopened', login = 'octocat'): string {
    const issue = this.issues.get(`${repo}#${number}`);
    if (!issue) throw new Error(`fake GitHub has no issue ${repo}#${number}`);
    issue.state = action === 'closed' ? 'closed' : 'open';
    issue.updatedAt = new Date().toISOString();
    return JSON.stringify(this.issuesEvent(repo, issue, action, login));
  }

  /** An `issues` event shaped as @octokit/webhooks-schemas says; a test fails if it is not. */
  issuesEvent(repo: string, issue: FakeIssue, action: 'closed' | 'reopened', login: string): unknown {
    const example = specExample<Record<string, unknown>>('issue');
    const user = { ...(specExample<Record<string, unknown>>('simple-user') ?? {}), login };
    const { pinned_comment: _pinned, state_reason: _reason, closed_by: _by, ...rest } = example;
    const fullRepo = specExample<Record<string, unknown>>('full-repository');
    const repository = pick(fullRepo, REPOSITORY_FIELDS);
    const payload = {
      action,
      issue: {
        ...rest,
        user,
        number: issue.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        closed_at: issue.state === 'closed' ? issue.updatedAt : null,
        updated_at: issue.updatedAt,
        labels: [],
        assignee: null,
        assignees: [],
        milestone: null,
        html_url: `https://github.com/${repo}/issues/${issue.number}`,
        reactions: REACTIONS,
      },
      repository: {
        ...repository,
        full_name: repo,
        name: repo.split('/')[1],
        license: null,
        custom_properties: {},
      },
      sender: user,
    };
    const problems = webhookProblems(`issues$${action}`, payload);
    if (problems.length > 0)
      throw new Error(`fake GitHub built a non-conforming payload: ${problems.join('; ')}`);
    return payload;
  }

  async close(): Promise<void> {
    await this.receiver.close();
  }
}

/** X-Hub-Signature-256 for a payload, as GitHub computes it. */
export function signPayload(secret: string, payload: string): Promise<string> {
  return sign(secret, payload);
}

const REACTIONS = {
  url: 'https://api.github.com/repos/octocat/Hello-World/issues/1347/reactions',
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  confused: 0,
  heart: 0,
  hooray: 0,
  eyes: 0,
  rocket: 0,
};

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}

const REPOSITORY_FIELDS = [
  'id',
  'node_id',
  'name',
  'full_name',
  'private',
  'owner',
  'html_url',
  'description',
  'fork',
  'url',
  'forks_url',
  'keys_url',
  'collaborators_url',
  'teams_url',
  'hooks_url',
  'issue_events_url',
  'events_url',
  'assignees_url',
  'branches_url',
  'tags_url',
  'blobs_url',
  'git_tags_url',
  'git_refs_url',
  'trees_url',
  'statuses_url',
  'languages_url',
  'stargazers_url',
  'contributors_url',
  'subscribers_url',
  'subscription_url',
  'commits_url',
  'git_commits_url',
  'comments_url',
  'issue_comment_url',
  'contents_url',
  'compare_url',
  'merges_url',
  'archive_url',
  'downloads_url',
  'issues_url',
  'pulls_url',
  'milestones_url',
  'notifications_url',
  'labels_url',
  'releases_url',
  'deployments_url',
  'created_at',
  'updated_at',
  'pushed_at',
  'git_url',
  'ssh_url',
  'clone_url',
  'svn_url',
  'homepage',
  'size',
  'stargazers_count',
  'watchers_count',
  'language',
  'has_issues',
  'has_projects',
  'has_downloads',
  'has_wiki',
  'has_pages',
  'forks_count',
  'mirror_url',
  'archived',
  'open_issues_count',
  'license',
  'forks',
  'open_issues',
  'watchers',
  'default_branch',
  'is_template',
  'web_commit_signoff_required',
  'topics',
  'visibility',
];
