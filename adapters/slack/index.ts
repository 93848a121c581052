/** The Slack adapter: start it from the composition root when SLACK_BOT_TOKEN is set. */

export { SLACK_PLATFORM } from './slack-context.ts';
export { SlackPlatform } from './slack-platform.ts';
export {
  type RunningSlackAdapter,
  type SlackAdapterOverrides,
  startSlackAdapter,
} from './start-slack-adapter.ts';
