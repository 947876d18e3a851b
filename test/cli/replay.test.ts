// npm run replay: an earlier run's failed and errored cases are sent again, with its seed, to the target the usual
// settings name. While the defect stays they are STILL FAILING (exit 1); once it is gone, FIXED (exit 0). Only those
// cases run; the results file of the replay holds them.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { planReplay, replaySettings } from '../../cli/replay-run.ts';
import { ConfigError } from '../../harness/config.ts';
import { readRunSettings } from '../../harness/settings.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import type { RunResults } from '../../reporting/results.ts';
import { fakeCase, fakeResults, messageFailure } from '../__helpers__/fake-results.ts';
import { runCli } from '../__helpers__/run-cli.ts';

const catalog = loadCatalog();
const ENTRY = 'cardholder.kyc_insufficient';
const page = catalog.entryById.get(ENTRY)?.message ?? '';
const straight = page.replace('’', "'");
const dir = mkdtempSync(join(tmpdir(), 'replay-'));
const earlierFile = join(dir, 'earlier.json');
let broken: RunningMock;
let brokenOpen = true;

beforeAll(async () => {
  broken = await startMock({
    seed: 9,
    variant: { name: 'straight', defects: { [ENTRY]: { entry: { message: straight } } } },
  });
  // The earlier run: one failure of the entry, one error elsewhere, and passes that must not be sent again.
  const earlier = fakeResults(catalog, [
    messageFailure(fakeCase(catalog, 'Create Card', ENTRY), straight),
    fakeCase(catalog, 'Retrieve Card', 'card.card_not_found', {
      outcome: 'error',
      reason: 'the target failed with 502',
    }),
    fakeCase(catalog, 'Update Card', 'card.card_not_found'),
  ]);
  writeFileSync(earlierFile, JSON.stringify({ ...earlier, run: { ...earlier.run, seed: 4321 } }));
});
afterAll(async () => {
  if (brokenOpen) await broken.close();
});

function replay(baseUrl: string, reports: string) {
  return runCli('cli/conformance.mjs', ['replay', earlierFile, '--env', '/dev/null', '--quiet', '--reports', reports], {
    UQPAY_BASE_URL: baseUrl,
  });
}

describe('npm run replay', () => {
  it('says STILL FAILING while the defect stays, FIXED once it is gone; same seed; only those cases', async () => {
    const still = await replay(broken.baseUrl, join(dir, 'still'));
    expect(still.stdout).toContain('seed 4321');
    expect(still.stdout).toMatch(
      /replay of 2 failed or errored cases \(seed 4321\): 1 STILL FAILING, 1 FIXED; \d+ requests/u,
    );
    expect(still.stdout).toMatch(
      /^ {2}STILL FAILING {2}Create Card › cardholder\.kyc_insufficient: message: expected/mu,
    );
    expect(still.stdout).toMatch(/^ {2}FIXED +Retrieve Card › card\.card_not_found$/mu);
    expect(still.code, still.stderr).toBe(1);
    const results = JSON.parse(readFileSync(join(dir, 'still', 'results.json'), 'utf8')) as RunResults;
    expect(results.cases.map((c) => c.title).sort()).toEqual([
      'Create Card › cardholder.kyc_insufficient',
      'Retrieve Card › card.card_not_found',
    ]);
    expect(results.run.seed).toBe(4321);
    await broken.close();
    brokenOpen = false;
    const fixedMock = await startMock({ seed: 9 });
    try {
      const fixed = await replay(fixedMock.baseUrl, join(dir, 'fixed'));
      expect(fixed.stdout).toMatch(/replay of 2 failed or errored cases \(seed 4321\): 2 FIXED;/u);
      expect(fixed.code, fixed.stderr).toBe(0);
    } finally {
      await fixedMock.close();
    }
  }, 180_000);

  it('refuses a file that is not a results.json, and a target of another kind, in one line (exit 2)', () => {
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"hello":1}');
    expect(() => planReplay(bogus, catalog)).toThrow(
      new ConfigError(`the run to replay ${bogus} is not a results.json written by npm run conformance`),
    );
    const sandboxRun = join(dir, 'sandbox.json');
    const earlier = fakeResults(
      catalog,
      [messageFailure(fakeCase(catalog, 'Create Card', ENTRY), straight)],
      'sandbox',
    );
    writeFileSync(sandboxRun, JSON.stringify(earlier));
    const plan = planReplay(sandboxRun, catalog);
    expect(plan.titles).toEqual(['Create Card › cardholder.kyc_insufficient']);
    expect(() => replaySettings(readRunSettings('/dev/null', {}), plan)).toThrow(
      /ran against a sandbox target, but UQPAY_BASE_URL is empty/u,
    );
    expect(
      replaySettings(readRunSettings('/dev/null', { UQPAY_BASE_URL: 'http://127.0.0.1:1/api' }), plan).config.seed,
    ).toBe(1);
  });
});
