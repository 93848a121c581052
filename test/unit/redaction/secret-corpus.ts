import { Buffer } from 'node:buffer';

/**
 * Fake secrets in the kind of chat lines people actually paste during an incident.
 * Every token is assembled at runtime from pieces (and pseudo-random filler) so that no full
 * token literal sits in the source for push protection or secret scanners to flag.
 */
export interface SecretInLine {
  readonly patternId: string;
  /** Exactly the text that must be replaced by `[REDACTED:<patternId>]`. */
  readonly secret: string;
}

export interface SecretSample extends SecretInLine {
  readonly label: string;
  readonly line: string;
  /** Other secrets that share the line, e.g. the access key id next to its secret key. */
  readonly companions: readonly SecretInLine[];
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const BASE64 = `${ALPHANUMERIC}+/`;
const BASE64URL = `${ALPHANUMERIC}-_`;
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Deterministic filler, so a failing sample is reproducible. */
export function filler(length: number, seed: number, alphabet = ALPHANUMERIC): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet.charAt((state >>> 8) % alphabet.length);
  }
  return out;
}

type Row = readonly [label: string, patternId: string, secret: string, line: string];

// `{}` in a row's line marks where its secret goes.
function toSample(
  [label, patternId, secret, line]: Row,
  companions: readonly SecretInLine[] = [],
): SecretSample {
  return { label, patternId, secret, line: line.replace('{}', () => secret), companions };
}

const f = filler;
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (text: string): string => Buffer.from(text).toString('base64url');
const pemBody = (lines: number, seed: number, separator: string): string =>
  Array.from({ length: lines }, (_, i) => f(64, seed + i, BASE64)).join(separator);
const pemBlock = (kind: string, seed: number, separator: string): string =>
  ['-----BEGIN ', kind, 'PRIVATE KEY-----', separator, pemBody(4, seed, separator), separator].join('') +
  ['-----END ', kind, 'PRIVATE KEY-----'].join('');

const awsKeyId = `${'AK'}IA${'IOSFODNN7'}EXAMPLE`;
const jwt = [
  b64url('{"alg":"HS256","typ":"JWT"}'),
  b64url('{"sub":"svc-deployer"}'),
  f(43, 5, BASE64URL),
].join('.');
const gcpKey = [
  '-----BEGIN ',
  'PRIVATE KEY-----\\n',
  pemBody(3, 21, '\\n'),
  '\\n-----END PRIVATE KEY-----\\n',
];
const azureSas = `sv=2022-11-02&ss=b&srt=co&sp=rl&se=2025-01-01T00:00:00Z&sig=${f(43, 31, BASE64URL)}%3D`;
const slackHook = `T0${f(8, 63, UPPER_ALNUM)}/B0${f(9, 64, UPPER_ALNUM)}/${f(24, 65)}`;
const discord = (id: string, seed: number, tail: number): string =>
  [b64url(id), f(6, seed, BASE64URL), f(tail, seed + 1, BASE64URL)].join('.');

const ROWS: readonly Row[] = [
  ['AWS access key id', 'aws-access-key', awsKeyId, 'oops, I pasted the key {} into the channel'],
  [
    'AWS temporary key id',
    'aws-access-key',
    `AS${'IA'}${f(16, 7, UPPER_ALNUM)}`,
    'sts gave us {}, expires in 1h',
  ],
  ['AWS secret key in credentials file', 'aws-secret-key', f(40, 19, BASE64), 'aws_secret_access_key = {}'],
  [
    'AWS secret key env var',
    'aws-secret-key',
    f(40, 11, BASE64),
    'AWS_SECRET_ACCESS_KEY: {} (from the CI logs)',
  ],
  ['AWS secret key in sts JSON', 'aws-secret-key', f(40, 13, BASE64), '"SecretAccessKey": "{}",'],
  ['GCP service-account private key', 'gcp-private-key', gcpKey.join(''), '  "private_key": "{}",'],
  ['GCP private key id', 'gcp-private-key-id', f(40, 23, HEX), '  "private_key_id": "{}",'],
  [
    'Azure storage key',
    'azure-storage-key',
    `${f(86, 29, BASE64)}==`,
    'AccountName=logs;AccountKey={};EndpointSuffix=x',
  ],
  [
    'Azure SAS in a connection string',
    'azure-sas-token',
    azureSas,
    'BlobEndpoint=https://x/;SharedAccessSignature={}',
  ],
  [
    'Azure SAS sig in a blob URL',
    'azure-sas-token',
    `${f(40, 37)}%2B${f(6, 3)}%3D`,
    'get https://x.blob/db.sql?sp=r&sig={}',
  ],
  ...(['b', 'p', 'a', 'r', 's'] as const).map(
    (kind, i): Row => [
      `Slack xox${kind} token`,
      'slack-token',
      `xox${kind}-${'1234567890'}${i}-${f(12, 40 + i, HEX)}-${f(24, 50 + i)}`,
      'the bot config had SLACK_TOKEN set to {} in plain text',
    ],
  ),
  [
    'Slack app-level token',
    'slack-token',
    `xa${'pp'}-1-A0${f(9, 61, UPPER_ALNUM)}-${f(64, 62, HEX)}`,
    'socket token {}',
  ],
  ['Slack webhook URL', 'slack-webhook', slackHook, 'alerts go to https://hooks.slack.com/services/{} now'],
  [
    'Discord bot token (MTA…)',
    'discord-bot-token',
    discord('1051234567890123456', 67, 38),
    'bot logged in with {} ok',
  ],
  [
    'Discord bot token (ODk…)',
    'discord-bot-token',
    discord('891234567890123456', 69, 27),
    'DISCORD_TOKEN={}',
  ],
  [
    'Discord webhook URL',
    'discord-webhook',
    f(68, 71, BASE64URL),
    'post to https://discord.com/api/webhooks/123456/{} pls',
  ],
  ...(['p', 'o', 'u', 's', 'r'] as const).map(
    (kind, i): Row => [
      `GitHub gh${kind}_ token`,
      'github-token',
      `gh${kind}_${f(36, 80 + i)}`,
      'CI leaked {} in the log',
    ],
  ),
  [
    'GitHub fine-grained PAT',
    'github-token',
    `github_${'pat'}_11A${f(19, 86)}_${f(59, 87)}`,
    'use {} for release',
  ],
  ['GitLab PAT', 'gitlab-token', `gl${'pat'}-${f(20, 88, BASE64URL)}`, 'GITLAB_TOKEN is {}, revoke it'],
  [
    'Stripe live secret key',
    'stripe-key',
    `sk_${'live'}_${f(24, 89)}`,
    'payments broke after {} was rotated',
  ],
  ['Stripe restricted key', 'stripe-key', `rk_${'live'}_${f(24, 90)}`, 'the reporting job uses {}'],
  ['Stripe test key', 'stripe-key', `sk_${'test'}_${f(24, 91)}`, 'staging uses {} fwiw'],
  ['npm token', 'npm-token', `npm${'_'}${f(36, 92)}`, '.npmrc has //registry.npmjs.org/:_authToken={} again'],
  ['JWT', 'jwt', jwt, 'the session cookie was {} if that helps debugging'],
  [
    'JWT in an Authorization header',
    'jwt',
    jwt,
    'curl -H "Authorization: Bearer {}" https://api.example.com/v1/me',
  ],
  [
    'opaque token in an Authorization header',
    'authorization-header',
    `ya29.a0${f(60, 93, BASE64URL)}`,
    'Authorization: Bearer {} 403',
  ],
  [
    'bearer token without header name',
    'bearer-token',
    f(32, 94),
    'the retry payload contained Bearer {} verbatim',
  ],
  ['Basic auth header', 'authorization-header', b64('admin:hunter2'), 'Authorization: Basic {}'],
  [
    'Basic credentials without header name',
    'basic-auth',
    b64('deploy:Tr0ub4dor&3'),
    'nginx logged basic {} for /admin',
  ],
  [
    'RSA private key on one line',
    'private-key-block',
    pemBlock('RSA ', 95, ' '),
    'here is the key: {} (please delete)',
  ],
  ['EC private key on one line', 'private-key-block', pemBlock('EC ', 96, ' '), '{}'],
  ['OpenSSH private key', 'private-key-block', pemBlock('OPENSSH ', 97, '\n'), 'cat ~/.ssh/id_ed25519\n{}\n'],
  [
    'password= pair',
    'secret-assignment',
    `Hunter2-${f(8, 98)}`,
    'connect with user=app password={} host=db-1',
  ],
  ['passwd: pair', 'secret-assignment', `S3cure!${f(6, 99)}`, 'root passwd: {}'],
  ['pwd= pair', 'secret-assignment', f(12, 100), 'jdbc:sqlserver://db;uid=sa;pwd={};'],
  ['secret: pair', 'secret-assignment', `s3cr3t-${f(10, 101)}`, 'vault kv get said secret: {}'],
  ['token: pair', 'secret-assignment', f(30, 102, HEX), 'pagerduty token: {}'],
  [
    'api_key= in a query string',
    'secret-assignment',
    f(32, 103),
    'GET https://api.example.com/v1/alerts?api_key={}&n=10',
  ],
  ['apikey: in YAML', 'secret-assignment', f(32, 104, HEX), 'datadog:\n  apikey: {}\n  site: datadoghq.eu'],
  ['client_secret= pair', 'secret-assignment', f(34, 105, BASE64URL), 'client_id=tocsin client_secret={}'],
  [
    'double-quoted password in JSON',
    'secret-assignment',
    `correct horse ${f(6, 106)}`,
    '{"user": "app", "password": "{}"}',
  ],
  ['single-quoted DB_PASSWORD env', 'secret-assignment', f(16, 107), "export DB_PASSWORD='{}'"],
  [
    'password in a postgres URL',
    'url-credentials',
    `Pg-${f(12, 108)}`,
    'DATABASE_URL=postgresql://app:{}@db:5432/x',
  ],
  [
    'token as URL password',
    'url-credentials',
    `deploy-${f(20, 109)}`,
    'git clone https://x:{}@github.com/acme/tocsin.git',
  ],
  ['token as URL user', 'url-token-user', f(40, 110, HEX), 'remote is https://{}@github.com/acme/infra.git'],
  [
    'SendGrid key',
    'sendgrid-key',
    `S${'G'}.${f(22, 111, BASE64URL)}.${f(43, 112, BASE64URL)}`,
    'mail relay key {}',
  ],
  ['Twilio API key', 'twilio-api-key', `S${'K'}${f(32, 113, HEX)}`, 'twilio sid {} still active'],
  ['Google API key', 'google-api-key', `AI${'za'}Sy${f(33, 114, BASE64URL)}`, 'maps widget uses {}'],
  ['OpenAI-style key', 'openai-key', `s${'k'}-proj-${f(48, 115)}`, 'summariser config: model=gpt-4o key {}'],
  ['Mailgun private key', 'mailgun-key', `ke${'y'}-${f(32, 116, HEX)}`, 'MAILGUN {}'],
];

const awsNextToKeyId: Row = [
  'AWS secret key next to its key id',
  'aws-secret-key',
  f(40, 17, BASE64),
  `creds are ${awsKeyId} / {} rotate pls`,
];

export const SECRET_SAMPLES: readonly SecretSample[] = [
  ...ROWS.map((row) => toSample(row)),
  toSample(awsNextToKeyId, [{ patternId: 'aws-access-key', secret: awsKeyId }]),
];

/** Lines that look a bit like secrets (hex, base64, "password", "token") and must survive untouched. */
export const SAFE_LINES: readonly string[] = [
  `deployed ${f(40, 200, HEX)} to prod`,
  'reverting 8f3a2b1, it broke checkout',
  'request id 123e4567-e89b-12d3-a456-426614174000 failed with 502',
  `image digest sha256:${f(64, 201, HEX)} is the good one`,
  'rolled back to registry.example.com/api:4411-8f3a2b1',
  'the password reset page is broken again',
  'the token bucket limiter is dropping webhooks',
  'who is organising secret santa this year?',
  '2024-05-01T12:34:56.789Z first page, 2024-05-01 12:40:02 +0000 ack',
  'https://grafana.example.com/d/abc?from=now-1h&to=now',
  'postgresql://db.internal:5432/app is reachable from the bastion',
  'pod api-7d9f8b6c5-x2x4z is CrashLoopBackOff in namespace payments',
  'Bearer authentication is required on the admin API now',
  'Basic troubleshooting steps are in the runbook',
  'authorization: pending review from security',
  'max_tokens=4096 in the summariser config',
  'sk-payments-service-prod-eu-west-1 is scaling up',
  'ssh git@github.com:acme/tocsin.git works from the jump host',
  'email oncall@example.com for access',
  'the api key rotation runbook is at https://wiki.example.com/runbooks/api-key-rotation',
  'AKIA is the prefix of long-term AWS keys, ASIA of temporary ones',
  'see https://github.com/acme/tocsin/pull/123 and INC-4411',
  'latency p99 is 1.2s, error rate 0.4%, 3 of 12 nodes unhealthy',
  'the key-value store is fine, redis is at 40% memory',
  'kubectl -n payments rollout restart deploy/api',
  'token refresh failed three times; retrying with backoff',
];
