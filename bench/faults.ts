// npm run bench:faults — the suite under injected faults: `npm run conformance -- --quiet --mock-faults <rate>` on the
// built-in mock for each of --seeds seeds, recording per seed the exit code, the cases that errored, failed or were
// skipped, the cases that ran again after an environment failure (--retries-on-error) and those that passed only
// then (flaky). Goal: exit 0 and 0 errored cases for every seed. One line in bench/results.jsonl with the command,
// the date and the machine's load.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs } from '../lib/cli.ts';
import type { RunResults } from '../reporting/results.ts';
import { timed } from './processes.ts';

const HELP = `Usage: npm run bench:faults -- [--rate 0.1] [--seeds 1-10 | 12,13] [--no-record]

Runs npm run conformance -- --quiet --mock-faults <rate> on the built-in mock once per seed and records per seed the
exit code, errored, failed and skipped cases, retried and flaky cases; one line in bench/results.jsonl.`;

const values = scriptArgs('bench:faults', HELP, {
  rate: { type: 'string', default: '0.1' },
  seeds: { type: 'string', default: '1-10' },
  'no-record': { type: 'boolean', default: false },
});

/** "1-10" or "12,13": the seeds to run. */
function seedList(text: string): number[] {
  const range = /^(\d+)-(\d+)$/u.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return text.split(',').map(Number);
}

async function runSeed(seed: number, rate: string) {
  const reports = mkdtempSync(join(tmpdir(), 'bench-faults-'));
  try {
    const run = await timed(
      process.execPath,
      ['cli/conformance.mjs', '--quiet', '--mock-faults', rate, '--reports', reports],
      { UQPAY_SEED: String(seed), UQPAY_BASE_URL: '' },
    );
    const results = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8')) as RunResults;
    const cases = results.summary.cases;
    const line = {
      seed,
      exit: run.code,
      wall_s: Number(run.wallS.toFixed(1)),
      errored: cases.errored,
      failed: cases.failed,
      skipped: cases.skipped,
      retried: results.cases.filter((c) => c.earlier_attempts?.length).length,
      flaky: results.summary.flaky ?? 0,
    };
    console.log(JSON.stringify(line));
    return line;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const seeds = seedList(values.seeds);
const loadBefore = Number(loadavg()[0]?.toFixed(2));
const perSeed = [];
for (const seed of seeds) perSeed.push(await runSeed(seed, values.rate));
const record = {
  bench: 'faults',
  command: `npm run bench:faults -- --rate ${values.rate} --seeds ${values.seeds}`,
  date: new Date().toISOString(),
  node: process.version,
  load_before: loadBefore,
  load_after: Number(loadavg()[0]?.toFixed(2)),
  rate: Number(values.rate),
  seeds: perSeed,
  all_exit_0: perSeed.every((s) => s.exit === 0),
  errored_total: perSeed.reduce((sum, s) => sum + s.errored, 0),
  retried_total: perSeed.reduce((sum, s) => sum + s.retried, 0),
  flaky_total: perSeed.reduce((sum, s) => sum + s.flaky, 0),
};
console.log(JSON.stringify(record));
if (!values['no-record']) await appendFile('bench/results.jsonl', `${JSON.stringify(record)}\n`);
