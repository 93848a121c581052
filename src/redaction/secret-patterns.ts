import { Buffer } from 'node:buffer';

/**
 * Built-in secret patterns. Order matters: when two patterns claim text starting at the same place,
 * the earlier one names the marker, so precise token formats come before the generic catch-alls
 * (`token: xoxb-…` reads better as `slack-token` than as `secret-assignment`).
 *
 * Every regex is written so that each attempt does bounded work (no nested quantifiers over the
 * same characters), because the redactor runs over every message of an incident.
 */
export interface SecretPattern {
  readonly id: string;
  readonly description: string;
  readonly regex: RegExp;
  /**
   * `match` replaces the whole match. `groups` replaces only named groups whose name starts with
   * `secret`, so the key name, URL host or header name around the secret stays readable.
   */
  readonly replace: 'match' | 'groups';
  /** Lower-case literals; the regex only runs when the lower-cased text contains one of them. */
  readonly hints: readonly string[];
  /** Second opinion on a candidate, for formats a regex alone cannot tell from prose. */
  readonly accept?: (candidate: string) => boolean;
}

const hasDigit = (s: string): boolean => /\d/.test(s);
const hasLetter = (s: string): boolean => /[A-Za-z]/.test(s);
const hasMixedCase = (s: string): boolean => /[A-Z]/.test(s) && /[a-z]/.test(s);

// Discord bot tokens start with the bot's snowflake id in base64url; decoding it is the cheapest way
// to tell a token from any other dotted base64 string.
function decodesToSnowflake(token: string): boolean {
  const firstPart = token.slice(0, token.indexOf('.'));
  return /^\d{17,20}$/.test(Buffer.from(firstPart, 'base64url').toString('latin1'));
}

// "Basic" is an ordinary English word; only a base64 `user:password` pair makes it a header.
function decodesToUserPassword(candidate: string): boolean {
  return /^[\x20-\x39\x3b-\x7e]+:[\x20-\x7e]*$/.test(Buffer.from(candidate, 'base64').toString('latin1'));
}

// After `Authorization:` a real credential has a digit or punctuation, unlike "Authorization: pending".
const looksLikeCredential = (s: string): boolean => s.length >= 20 || /[\d+/=_.-]/.test(s);

const AWS_KEY_ID_PREFIXES = ['akia', 'asia', 'abia', 'acca', 'a3t'];

export const BUILT_IN_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'gcp-private-key',
    description: 'private_key field of a GCP service-account JSON file',
    // The closing quote is optional so a paste cut off by the chat's length limit is still covered.
    regex: /"private_key"[ \t]*:[ \t]*"(?<secret>-----BEGIN[^"]*)/g,
    replace: 'groups',
    hints: ['"private_key"'],
  },
  {
    id: 'gcp-private-key-id',
    description: 'private_key_id field of a GCP service-account JSON file',
    regex: /"private_key_id"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9]{16,})"/g,
    replace: 'groups',
    hints: ['"private_key_id"'],
  },
  {
    id: 'private-key-block',
    description: 'PEM/OpenSSH/PGP private key block, including multi-line and truncated pastes',
    // A missing END line (truncated paste) redacts to the end of the message rather than leak the rest.
    regex:
      /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: 'match',
    hints: ['-----begin'],
  },
  {
    id: 'aws-access-key',
    description: 'AWS access key id (AKIA… long-term, ASIA… temporary)',
    regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    replace: 'match',
    hints: AWS_KEY_ID_PREFIXES,
  },
  {
    id: 'aws-secret-key',
    description: 'AWS secret access key, assigned by name or pasted right after its access key id',
    regex:
      /(?:(?:aws_|AWS_)?(?:secret_access_key|SECRET_ACCESS_KEY|[Ss]ecretAccessKey)["']?[ \t]*[:=][ \t]*["']?(?<secretAssigned>[A-Za-z0-9/+]{40})|(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}[\s\S]{1,40}?(?<![A-Za-z0-9/+])(?<secretNearKeyId>[A-Za-z0-9/+]{40}))(?![A-Za-z0-9/+=])/g,
    replace: 'groups',
    hints: [...AWS_KEY_ID_PREFIXES, 'secret_access_key', 'secretaccesskey'],
    accept: hasMixedCase,
  },
  {
    id: 'azure-storage-key',
    description: 'Azure storage / service bus account key in a connection string',
    regex: /(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{20,}={0,2})/gi,
    replace: 'groups',
    hints: ['accountkey=', 'sharedaccesskey='],
  },
  {
    id: 'azure-sas-token',
    description: 'Azure shared access signature (SharedAccessSignature= or a sig= URL parameter)',
    regex:
      /(?:SharedAccessSignature=(?<secretSas>[^;\s"']+)|(?<![A-Za-z0-9_])sig=(?<secretSig>[A-Za-z0-9%+/=_-]{16,}))/g,
    replace: 'groups',
    hints: ['sharedaccesssignature=', 'sig='],
  },
  {
    id: 'slack-token',
    description: 'Slack bot/user/app/refresh/legacy token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xapp-)',
    regex: /(?<![A-Za-z0-9])(?:xox[abeprs]|xapp)-[A-Za-z0-9-]{10,}/g,
    replace: 'match',
    hints: ['xox', 'xapp-'],
  },
  {
    id: 'slack-webhook',
    description: 'Slack incoming-webhook / workflow URL path',
    regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{8,})/g,
    replace: 'groups',
    hints: ['hooks.slack'],
  },
  {
    id: 'discord-bot-token',
    description: 'Discord bot token (base64url snowflake id . timestamp . hmac)',
    regex:
      /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_-])/g,
    replace: 'match',
    hints: ['.'],
    accept: decodesToSnowflake,
  },
  {
    id: 'discord-webhook',
    description: 'Discord webhook URL token (the id before it is kept)',
    regex: /discord(?:app)?\.com\/api\/webhooks\/\d+\/(?<secret>[A-Za-z0-9_-]{20,})/g,
    replace: 'groups',
    hints: ['discord'],
  },
  {
    id: 'github-token',
    description: 'GitHub personal, OAuth, app and fine-grained tokens',
    regex:
      /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,243})(?![A-Za-z0-9_])/g,
    replace: 'match',
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal access token',
    regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}/g,
    replace: 'match',
    hints: ['glpat-'],
  },
  {
    id: 'stripe-key',
    description: 'Stripe secret / restricted key (live or test) and webhook signing secret',
    regex:
      /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{24,})(?![A-Za-z0-9_])/g,
    replace: 'match',
    hints: ['_live_', '_test_', 'whsec_'],
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    replace: 'match',
    hints: ['npm_'],
  },
  {
    id: 'sendgrid-key',
    description: 'SendGrid API key',
    regex: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    replace: 'match',
    hints: ['sg.'],
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key SID',
    regex: /(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g,
    replace: 'match',
    hints: ['sk'],
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    regex: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    replace: 'match',
    hints: ['aiza'],
  },
  {
    id: 'openai-key',
    description: 'OpenAI/Anthropic-style sk- API key',
    regex: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g,
    replace: 'match',
    hints: ['sk-'],
    // Lower-case kebab names such as `sk-payments-service-prod` are hostnames, not keys.
    accept: (s) => hasMixedCase(s) && hasDigit(s),
  },
  {
    id: 'mailgun-key',
    description: 'Mailgun private API key',
    regex: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/g,
    replace: 'match',
    hints: ['key-'],
  },
  {
    id: 'jwt',
    description: 'JSON Web Token (header.payload.signature)',
    regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    replace: 'match',
    hints: ['eyj'],
  },
  {
    id: 'authorization-header',
    description: 'Credential in an Authorization / Proxy-Authorization header (scheme kept)',
    regex:
      /(?<![A-Za-z0-9_-])(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|bot|apikey)[ \t]+)?(?!(?:bearer|basic|token|bot|apikey)(?![A-Za-z0-9]))(?<secret>[^\s"',;]{6,})/gi,
    replace: 'groups',
    hints: ['authorization'],
    accept: looksLikeCredential,
  },
  {
    id: 'bearer-token',
    description: 'Bearer token outside a full Authorization header',
    regex: /(?<![A-Za-z0-9])bearer[ \t]+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)/gi,
    replace: 'groups',
    hints: ['bearer'],
    accept: hasDigit,
  },
  {
    id: 'basic-auth',
    description: 'Basic auth credentials outside a full Authorization header',
    regex: /(?<![A-Za-z0-9])basic[ \t]+(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/gi,
    replace: 'groups',
    hints: ['basic'],
    accept: decodesToUserPassword,
  },
  {
    id: 'url-credentials',
    description: 'Password in a URL (scheme://user:password@host); user and host are kept',
    regex: /[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:/@?#]*:(?<secret>[^\s/@]+)@(?=[^\s/@])/g,
    replace: 'groups',
    hints: ['://'],
  },
  {
    id: 'url-token-user',
    description: 'Token used as the user part of a URL (https://<token>@github.com)',
    regex: /[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/(?<secret>[A-Za-z0-9_-]{20,})@(?=[^\s/@])/g,
    replace: 'groups',
    hints: ['://'],
    accept: (s) => hasDigit(s) && hasLetter(s),
  },
  {
    id: 'secret-assignment',
    description: 'Value of a password=/passwd:/pwd=/secret:/token:/api_key=/client_secret= style pair',
    // No left boundary on purpose: DB_PASSWORD, accessToken and x-api-key all end in a keyword.
    regex:
      /(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_-]?key|(?:secret|private|access|account|signing|encryption|master)[_-]?key)["']?[ \t]*[:=][ \t]*(?:"(?<secretDq>[^"\r\n]+)"|'(?<secretSq>[^'\r\n]+)'|(?<secretBare>[^\s"',;&]+))/gi,
    replace: 'groups',
    hints: ['passw', 'passphrase', 'pwd', 'secret', 'token', 'key'],
  },
];
