import { DEFAULT_DISCORD_API_URL, readEnvOptions } from '../../src/config/read-env.ts';
import { inviteUrl } from './invite-url.ts';

/** `node dist/adapters/discord/print-invite-url.js`: the URL that adds the bot to a server. */
const env = readEnvOptions();
const applicationId = env.discord?.applicationId ?? env.raw.DISCORD_APPLICATION_ID;
if (!applicationId) {
  process.stderr.write('set DISCORD_APPLICATION_ID (the Application ID from the developer portal)\n');
  process.exit(1);
}
const apiUrl = env.discord?.apiUrl ?? env.raw.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL;
process.stdout.write(`${inviteUrl(apiUrl, applicationId)}\n`);
