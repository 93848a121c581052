import type { AppConfig } from '../config/config-schema.ts';
import type { CoreSettings } from '../core/core-services.ts';
import { configuredSystems } from '../follow-ups/follow-ups-config.ts';

/** The config as the core reads it: plain values, no YAML names, no platform sections. */
export function coreSettings(config: AppConfig): CoreSettings {
  return {
    timezone: config.timezone,
    defaultSeverity: config.default_severity,
    severityAliases: config.severity_aliases,
    permissions: {
      rules: config.permissions,
      responders: { slack: config.slack.responders, discord: config.discord.responders },
    },
    allowedWorkspaces: { slack: config.slack.allowed_teams, discord: config.discord.allowed_guilds },
    rateLimits: {
      windowMs: config.rate_limits.window,
      declarePerUser: config.rate_limits.declare_per_user,
      pagePerUser: config.rate_limits.page_per_user,
      pagePerWorkspace: config.rate_limits.page_per_workspace,
    },
    ticketSystems: configuredSystems(config.follow_ups),
  };
}
