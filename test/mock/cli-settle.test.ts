import { describe, expect, it } from 'vitest';
// npm run mock's options for asynchronous issuing and webhooks: sandbox-like settling by default, 0 for the old
// synchronous behaviour, and a webhook URL and secret; each mistake is one precise message.

import { UsageError } from '../../lib/cli.ts';
import { parseMockArgs } from '../../mock/cli-args.ts';
import { CLI_SETTLE_MS } from '../../mock/options.ts';

describe('npm run mock settle and webhook options', () => {
  it('settles sandbox-like by default, and as told', () => {
    expect(parseMockArgs([], {})).toMatchObject({ settleMs: CLI_SETTLE_MS });
    expect(parseMockArgs(['--settle-ms', '0'], {})).toMatchObject({ settleMs: 0 });
  });

  it('reads the webhook URL and secret (the secret also from MOCK_WEBHOOK_SECRET)', () => {
    expect(parseMockArgs(['--webhook-url', 'http://127.0.0.1:9/h'], { MOCK_WEBHOOK_SECRET: 's1' })).toMatchObject({
      webhookUrl: 'http://127.0.0.1:9/h',
      webhookSecret: 's1',
    });
    expect(parseMockArgs(['--webhook-secret', 's2'], { MOCK_WEBHOOK_SECRET: 's1' })).toMatchObject({
      webhookSecret: 's2',
    });
  });

  it.each([
    [['--settle-ms=-1'], 'invalid --settle-ms: -1'],
    [['--settle-ms', '1.5'], 'invalid --settle-ms: 1.5'],
    [['--webhook-url', 'not a url'], 'invalid --webhook-url: not a url'],
    [['--webhook-secret', ''], 'invalid --webhook-secret: empty'],
  ])('refuses %j with one precise message', (args, message) => {
    expect(() => parseMockArgs(args, {})).toThrow(new UsageError(message));
  });
});
