import { describe, expect, it } from 'vitest';
import { decodeSlackText, toSafeMrkdwn, toSafePlainText } from '../../../adapters/slack/slack-text.ts';

const ZWSP = '\u200B';

describe('text from Slack', () => {
  it('turns the entities Slack sends back into what the person typed', () => {
    expect(decodeSlackText('a &lt; b &amp;&amp; c &gt; d')).toBe('a < b && c > d');
  });

  it('leaves mention tokens alone', () => {
    expect(decodeSlackText('ask <@U0BOB|bob>')).toBe('ask <@U0BOB|bob>');
  });
});

describe('text going to Slack', () => {
  it('escapes &, < and >', () => {
    expect(toSafeMrkdwn('latency > 2s & rising <b>')).toBe('latency &gt; 2s &amp; rising &lt;b&gt;');
  });

  it.each([
    ['<!channel>', `@${ZWSP}channel`],
    ['<!here>', `@${ZWSP}here`],
    ['<!here|here>', `@${ZWSP}here`],
    ['<!everyone>', `@${ZWSP}everyone`],
    ['<!subteam^S0ONCALL|@oncall>', '@oncall'],
    ['@channel', `@${ZWSP}channel`],
    ['@Here', `@${ZWSP}Here`],
  ])('makes %s inert', (typed, shown) => {
    const out = toSafeMrkdwn(`hey ${typed} look`);
    expect(out).toBe(`hey ${shown} look`);
    expect(out).not.toMatch(/<!/);
  });

  it('keeps user mentions and channel links, dropping their labels', () => {
    expect(toSafeMrkdwn('ask <@U0BOB|bob> in <#C0GENERAL|general>')).toBe('ask <@U0BOB> in <#C0GENERAL>');
  });

  it('keeps links, escaping their labels', () => {
    expect(toSafeMrkdwn('see <https://status.example/x|status & more>')).toBe(
      'see <https://status.example/x|status &amp; more>',
    );
    expect(toSafeMrkdwn('see <https://status.example/x>')).toBe('see <https://status.example/x>');
  });

  it('escapes anything else in angle brackets, such as a fake user id', () => {
    expect(toSafeMrkdwn('<@nobody> <script>')).toBe('&lt;@nobody&gt; &lt;script&gt;');
  });

  it('shows a date token as its fallback text', () => {
    expect(toSafeMrkdwn('at <!date^1700000000^{time}|10:13 UTC>')).toBe('at 10:13 UTC');
  });

  it('keeps plain text fields free of mass mentions too', () => {
    expect(toSafePlainText('<!here> db <@U0BOB|bob> down')).toBe(`@${ZWSP}here db @bob down`);
  });
});
