import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLedger } from '../../harness/ledger.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';
import { runConformanceCli, startConformanceCli } from '../__helpers__/run-cli.ts';

// Runs as a nightly job would: against a target that does not look like a mock (a hiding proxy in front of one), with
// the mock's credentials given as a user would. Afterwards the mock itself says which cards are still live.

const CREDENTIALS = { UQPAY_CLIENT_ID: 'mock-client-id', UQPAY_API_KEY: 'mock-api-key', UQPAY_SEED: '11' };
const reports = () => mkdtempSync(join(tmpdir(), 'unattended-'));
const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));

let mock: RunningMock;
let proxy: HidingProxy | undefined;
let seeded: Set<string>;
beforeEach(async () => {
  mock = await startMock({ seed: 11 });
  seeded = new Set(mock.services.world.cards.keys());
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await mock.close();
});

/** Cards the run issued that are neither cancelled nor being cancelled. */
const liveCardsIssued = () =>
  [...mock.services.world.cards.values()].filter(
    (c) => !seeded.has(c.id) && c.status !== 'CANCELLED' && c.status !== 'PRE_CANCEL',
  );
const issued = () => [...mock.services.world.cards.keys()].filter((id) => !seeded.has(id)).length;

describe('a run that must leave no card behind', () => {
  it('cancels every card it issued, including those behind Create Card answers that came after the timeout, and says so even with --quiet', async () => {
    proxy = await startHidingProxy(mock.baseUrl, {
      hold: {
        matches: (method, path) => method === 'POST' && path === '/api/v1/issuing/cards',
        holdMs: 1500,
        count: 2,
      },
    });
    const dir = reports();
    const run = await runConformanceCli(['--filter', 'Card Recharge › card.', '--quiet', '--reports', dir], {
      ...CREDENTIALS,
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_MAX_RPS: '0',
      UQPAY_TIMEOUT_MS: '1000',
    });
    expect(run.stdout).toContain('target other');
    expect(proxy.held).toBe(2);
    expect(issued()).toBeGreaterThan(2);
    expect(liveCardsIssued()).toEqual([]);
    expect(run.stdout).toMatch(/cleanup: [12] card\(s\) found behind requests whose answer never arrived/u);
    expect(run.stdout).toMatch(/cleanup: cancelled [1-9]\d*, failed 0, left: none/u);
    expect(results(dir).cleanup).toMatchObject({ failed: 0, left: [], ledger: null });
  }, 120_000);

  it('on SIGINT stops sending cases, cancels what was created, writes the reports and exits 130', async () => {
    proxy = await startHidingProxy(mock.baseUrl);
    const dir = reports();
    const { child, done } = startConformanceCli(['--filter', 'Card', '--quiet', '--reports', dir], {
      ...CREDENTIALS,
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_MAX_RPS: '40',
    });
    // Signal once the run has issued its first card (the ledger is written as the run goes).
    const ledger = join(dir, 'ledger.jsonl');
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(ledger) && readLedger(ledger).some((r) => r.kind === 'card')) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('interrupted by SIGINT');
    expect(liveCardsIssued()).toEqual([]);
    const json = results(dir);
    expect(json.cleanup).toMatchObject({ failed: 0, left: [] });
    // Stopped early: far fewer cases than the filter selects.
    expect(json.summary.cases.total).toBeLessThan(100);
  }, 120_000);
});

describe('npm run conformance', () => {
  it('does not leave the run going when npm alone receives SIGTERM', async () => {
    const dir = reports();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('UQPAY_')),
    );
    const npm = spawn('npm', ['run', 'conformance', '--', '--env', '/dev/null', '--quiet', '--reports', dir], {
      env: { ...env, NO_COLOR: '1', UQPAY_SEED: '5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const banner = new Promise<void>((resolve) => {
      npm.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('conformance: target')) resolve();
      });
    });
    npm.stderr.on('data', (chunk) => {
      output += chunk;
    });
    // The pipes close only when the last process holding them (the node process under npm) has exited.
    const closed = new Promise<void>((resolve) => npm.stdout.on('close', () => resolve()));
    await banner;
    npm.kill('SIGTERM');
    await closed;
    expect(output).toContain('interrupted by SIGTERM');
    expect(existsSync(join(dir, 'results.json'))).toBe(true);
  }, 120_000);
});
