/** Public surface of the fake Slack (see README.md). */
export { BLOCK_LIMITS, validateBlocks, validateView } from './block-kit-limits.ts';
export {
  type CapturingLogger,
  capturingLogger,
  fakeClientOptions,
  type HttpAppOptions,
  type RunningBoltApp,
  type SocketAppOptions,
  startBoltHttpApp,
  startBoltSocketApp,
} from './bolt-harness.ts';
export type { CallPredicate, RecordedCall } from './call-recorder.ts';
export { FakeSlack, type FakeSlackOptions, startFakeSlack } from './fake-slack-web-api.ts';
export {
  type EnvelopeAck,
  type EnvelopeOptions,
  type EnvelopeType,
  FakeSocketMode,
} from './fake-socket-mode.ts';
export { compareTs, FakeWorkspace } from './fake-workspace.ts';
export type { DelayFault, DropFault, ErrorFault, Fault, RateTier, StatusFault } from './fault-injector.ts';
export type { ResponseUrlContext, ResponseUrlPost } from './interaction-tokens.ts';
export {
  isLoopback,
  loopbackOnlyFetch,
  type OutboundConnection,
  type OutboundWatch,
  watchOutboundConnections,
} from './loopback-guard.ts';
export { fail, type MethodContext, type MethodHandler, SlackApiError } from './method-context.ts';
export {
  createSlackEventSender,
  type SendOptions,
  type SendResult,
  type SlackEventSender,
} from './slack-event-sender.ts';
export * from './slack-payloads.ts';
export { computeSlackSignature, signSlackRequest, verifySlackSignature } from './slack-request-signer.ts';
export {
  METHODS_NEWER_THAN_SPEC,
  type SpecViolation,
  specErrorCodes,
  specViolations,
} from './spec-checker.ts';
export { FAKE_IDS } from './workspace-seed.ts';
export type * from './workspace-types.ts';
