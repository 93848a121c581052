import type { AppConfig } from '../config/config-schema.ts';
import type { EnvOptions } from '../config/read-env.ts';
import type { CommandDefinition } from '../core/commands/command-definition.ts';
import type { CoreServices } from '../core/core-services.ts';
import type { IncidentCore } from '../core/incident-core.ts';
import type { HttpRoute } from './http-route.ts';
import type { PlatformRegistry } from './chat-platform.ts';
import type { IncidentStore } from './incident-store.ts';
import type { Metrics } from './metrics.ts';

/** What an adapter gets of the running app: the core's entry point and the ports it talks to. */
export interface AdapterApp {
  core: IncidentCore;
  services: CoreServices & { commands: readonly CommandDefinition[] };
  store: IncidentStore;
  platforms: PlatformRegistry;
  /** Startup work (a backfill) that /readyz waits for: call the returned function when done. */
  readiness: { startTask(name: string): () => void };
  metrics?: Metrics;
}

/** What the composition root hands every platform adapter when it starts it. */
export interface AdapterStartOptions {
  app: AdapterApp;
  env: EnvOptions;
  config: AppConfig;
  /**
   * The public surface (web view, webhooks, status page) as one catch-all route. An adapter that
   * owns the public port (Slack in HTTP mode) serves it beside its own endpoint.
   */
  publicRoute?: HttpRoute;
}

/** A started platform adapter, as the composition root and /readyz see it. */
export interface RunningAdapter {
  readonly name: string;
  /** Connected to its platform and able to take work. */
  isReady(): boolean;
  /** Stops taking new work and disconnects. */
  stop(): Promise<void>;
}
