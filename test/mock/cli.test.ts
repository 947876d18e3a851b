import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { main } from '../../mock/cli.ts';
import { parseMockArgs } from '../../mock/cli-args.ts';
import { runMain } from '../__helpers__/run-main.ts';

describe('npm run mock arguments', () => {
  it('has defaults for every option', () => {
    expect(parseMockArgs([], {})).toMatchObject({
      port: 4010,
      seed: 1,
      globalRateLimit: null,
      faultRate: 0,
      tokenTtlSeconds: 1800,
    });
  });

  it('reads port, seed, limits, latency and the environment credentials', () => {
    const options = parseMockArgs(
      ['--port', '0', '--seed', '7', '--rate-limit', '5', '--latency', '10-20', '--fault-rate', '0.5'],
      { MOCK_CLIENT_ID: 'c', MOCK_API_KEY: 'k' },
    );
    expect(options).toMatchObject({ port: 0, seed: 7, globalRateLimit: 5, faultRate: 0.5, clientId: 'c', apiKey: 'k' });
    expect(options).toMatchObject({ latency: { minMs: 10, maxMs: 20 } });
    expect(parseMockArgs(['--latency', 'sandbox'], {})).toMatchObject({ latency: { minMs: 80, maxMs: 350 } });
  });

  it.each([
    [['--port', 'abc'], 'invalid --port: abc'],
    [['--port', '70000'], 'invalid --port: 70000'],
    [['--fault-rate', '2'], 'invalid --fault-rate: 2'],
    [['--latency', '9-1'], 'invalid --latency: 9-1 (none, sandbox or <min>-<max>)'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with one precise message', (args, text) => {
    expect(() => parseMockArgs(args, {})).toThrow(text);
  });
});

// Started as npm run mock starts it (build/launch.mjs: dist/ when fresh, else the sources through tsx).
describe('npm run mock', () => {
  it('prints its base URL and credentials, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['build/launch.mjs', 'mock/cli.ts', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Waits for the banner itself (not a polling loop with its own deadline): start-up is slow on a loaded machine.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('client id')) resolve();
      });
      child.once('exit', () => resolve());
    });
    expect(output).toMatch(/UQPAY_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/api/u);
    expect(output).toContain('client id: mock-client-id');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  // Refused before it listens: the CLI's main in this process (the test above is the real process and its signal).
  it('exits 2 with one line on a bad argument', async () => {
    const run = await runMain((argv) => main(argv, new AbortController().signal), ['--port', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('mock: invalid --port: x (see npm run mock -- --help)');
  });
});
