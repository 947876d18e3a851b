// npx vitest run --project conformance, without the CLI: the project's global setup reads UQPAY_BASE_URL and the
// rest from the environment, judges that target and the reporter configured in vitest.config.ts writes the same
// reports as npm run conformance (here into --outputFile.conformance, so the project's reports/ stay untouched).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { defectVariant } from '../../mock/variants.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const entry = loadCatalog().entryById.get('card.card_not_found');
const mock = useMock({ variant: entry ? defectVariant(entry, 'message') : null });

function vitestRun(args: string[], env: Record<string, string>): Promise<number | null> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('UQPAY_')),
  );
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
    env: { ...clean, NO_COLOR: '1', ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('npx vitest run --project conformance', () => {
  it('judges the target UQPAY_BASE_URL names and writes the reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-direct-'));
    const code = await vitestRun(
      ['--project', 'conformance', '-t', 'Retrieve Card › card.card_not_found$', `--outputFile.conformance=${dir}`],
      { UQPAY_BASE_URL: mock.baseUrl, UQPAY_SEED: '11' },
    );
    expect(code).toBe(1);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.run).toMatchObject({ target: 'mock', seed: 11, base_url_host: new URL(mock.baseUrl).host });
    expect(results.cases).toMatchObject([{ entry: 'card.card_not_found', outcome: 'fail' }]);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('Retrieve Card › card.card_not_found');
  }, 180_000);
});
