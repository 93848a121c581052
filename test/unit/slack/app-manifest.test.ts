import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EVENTS_PATH } from '../../../adapters/slack/create-bolt-app.ts';
import { SCOPE_OF_METHOD } from '../../../adapters/slack/explain-slack-error.ts';
import { ADD_TO_TIMELINE_SHORTCUT } from '../../../adapters/slack/interaction-ids.ts';

const text = readFileSync(new URL('../../../slack-app-manifest.yml', import.meta.url), 'utf8');

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; should_escape: boolean }[];
    shortcuts: { type: string; callback_id: string; name: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(text) as Manifest;

describe('slack-app-manifest.yml', () => {
  it('defines /incident with escaped mentions, so the core sees <@U123|name>', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/incident', should_escape: true }),
    ]);
  });

  it('defines the "Add to timeline" message shortcut with the callback id the adapter listens for', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        type: 'message',
        name: 'Add to timeline',
        callback_id: ADD_TO_TIMELINE_SHORTCUT,
      }),
    ]);
  });

  it('subscribes to channel messages and 📌 reactions, and enables interactivity', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['message.channels', 'reaction_added', 'reaction_removed']),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('points commands, events and interactivity at the one endpoint the adapter serves', () => {
    const urls = [
      ...manifest.features.slash_commands.map((command) => command.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
  });

  it('asks for every scope the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'channels:history',
        'channels:join',
        'channels:manage',
        'channels:read',
        'chat:write',
        'commands',
        'files:write',
        'groups:history',
        'groups:read',
        'groups:write',
        'im:write',
        'pins:read',
        'pins:write',
        'reactions:read',
        'usergroups:read',
        'users:read',
      ].sort(),
    );
  });

  it('covers the scope of every Web API method the adapter calls', () => {
    const missing = Object.values(SCOPE_OF_METHOD).filter(
      (scope) => !manifest.oauth_config.scopes.bot.includes(scope),
    );
    expect(missing).toEqual([]);
  });
});
