import type { App } from '../app/create-app.ts';
import type { AppConfig } from '../config/config-schema.ts';
import type { EnvOptions } from '../config/read-env.ts';
import type { HttpRoute } from './http-route.ts';

/** What the composition root hands every platform adapter when it starts it. */
export interface AdapterStartOptions {
  app: App;
  env: EnvOptions;
  config: AppConfig;
  /** Health and metrics routes; an adapter that owns the HTTP port (Slack HTTP mode) serves them. */
  routes: HttpRoute[];
}

/** A started platform adapter, as the composition root and /readyz see it. */
export interface RunningAdapter {
  readonly name: string;
  /** Connected to its platform and able to take work. */
  isReady(): boolean;
  /** True when this adapter serves `routes` on PORT itself. */
  readonly servesHttp: boolean;
  /** Stops taking new work and disconnects. */
  stop(): Promise<void>;
}
