export type { FakeDiscordOptions } from './fake-discord.ts';
export { FakeDiscord, startFakeDiscord } from './fake-discord.ts';
export type { DispatchRecord, FakeGatewayOptions, IdentifyRecord } from './fake-discord-gateway.ts';
export { FakeDiscordGateway } from './fake-discord-gateway.ts';
export type { FakeDiscordRestOptions, SpecViolation } from './fake-discord-rest.ts';
export { FakeDiscordRest } from './fake-discord-rest.ts';
export type { DispatchListener, FakeStateOptions, SeedIds } from './fake-discord-state.ts';
export { FakeDiscordState } from './fake-discord-state.ts';
export type { ErrorFault, FaultSpec, NetworkFault, RateLimitFault } from './fault-injector.ts';
export { Intent } from './gateway-intents.ts';
export type { InboundEditInput, InboundMessageInput, InboundReactionInput } from './inbound-builders.ts';
export type {
  BuiltInteraction,
  CommandOptionInput,
  ComponentBase,
  InteractionInput,
  ModalInput,
  SelectInput,
  SlashCommandInput,
} from './interaction-builders.ts';
export { LIMITS } from './message-limits.ts';
export type * from './model-types.ts';
export type { BotPermissions } from './permissions.ts';
export { Perm } from './permissions.ts';
export type { UploadedFile } from './request-body.ts';
export type { RecordedRequest, RoutePattern, WaitOptions } from './request-log.ts';
export { snowflakeTimestamp } from './snowflake.ts';
