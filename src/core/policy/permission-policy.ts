import { type UserError, userError } from '../errors.ts';
import type { Actor } from '../model/events.ts';
import { incidentLabel } from '../model/incident-ref.ts';
import { commanderOf, type IncidentState } from '../model/incident-state.ts';

/** The rules of `permissions:` in the config; each command that changes who is woken or what is decided names one. */
export const PERMISSION_RULES = ['declare', 'page', 'severity', 'resolve', 'reopen', 'role'] as const;
export type PermissionRule = (typeof PERMISSION_RULES)[number];

/** `anyone`, `responders`, `commander`, or a platform user or group/role id. */
export type PermissionEntry = string;

export interface PermissionSettings {
  rules: Readonly<Record<PermissionRule, readonly PermissionEntry[]>>;
  /** The configured responders per platform: user ids and group (Slack) or role (Discord) ids. */
  responders: Readonly<Record<string, readonly string[]>>;
}

export const OPEN_POLICY: PermissionSettings = {
  rules: {
    declare: ['anyone'],
    page: ['anyone'],
    severity: ['anyone'],
    resolve: ['anyone'],
    reopen: ['anyone'],
    role: ['anyone'],
  },
  responders: {},
};

/** Who is asking: the actor and, when the rule needs it, the groups or roles they belong to. */
export interface Requester {
  platform: string;
  actor: Actor;
  groups: readonly string[];
}

/** Whether the rule needs the requester's groups (a lookup on Slack) to be decided. */
export function needsGroups(settings: PermissionSettings, rule: PermissionRule): boolean {
  return settings.rules[rule].some((entry) => entry !== 'anyone' && entry !== 'commander');
}

function matches(
  entry: PermissionEntry,
  who: Requester,
  incident: IncidentState | undefined,
  settings: PermissionSettings,
): boolean {
  const inGroup = (id: string) => id === who.actor.id || who.groups.includes(id);
  switch (entry) {
    case 'anyone':
      return true;
    case 'commander':
      return incident !== undefined && commanderOf(incident).id === who.actor.id;
    case 'responders':
      return (settings.responders[who.platform] ?? []).some(inGroup);
    default:
      return inGroup(entry);
  }
}

/** Undefined when the rule lets the requester run the command; otherwise the refusal they see. */
export function refusal(
  settings: PermissionSettings,
  rule: PermissionRule,
  command: string,
  who: Requester,
  incident: IncidentState | undefined,
): UserError | undefined {
  const entries = settings.rules[rule];
  if (entries.some((entry) => matches(entry, who, incident, settings))) return undefined;
  const where = incident ? ` in ${incidentLabel(incident.number)}` : '';
  const commander = incident && commanderOf(incident);
  const ask = commander && entries.includes('commander') ? ` Ask the commander, ${commander.name}.` : '';
  return userError(
    'permission_denied',
    `You may not run /incident ${command}${where}: the permissions.${rule} rule allows ${describeRule(entries)} only.${ask}`,
  );
}

/** `the commander and the responders`: a rule in words, for refusals and help. */
export function describeRule(entries: readonly PermissionEntry[]): string {
  const words = entries.map((entry) => {
    switch (entry) {
      case 'anyone':
        return 'anyone';
      case 'commander':
        return 'the commander';
      case 'responders':
        return 'the responders';
      default:
        return entry;
    }
  });
  if (words.includes('anyone')) return 'anyone';
  if (words.length <= 1) return words[0] ?? 'nobody';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
