// npm run selfcheck: the suite's mutation score. Breaks every catalog entry in every defect class on one batched
// mock and prints "mutation score: K/N" per class and in total, listing every survivor; then the fuzz section proves
// every fuzz property has teeth ("fuzz kill rate: K/N", cli/selfcheck-fuzz.ts). Exit 0 at 100 % in both, 1 when a
// defect or a fuzz variant survived, 2 on bad arguments or when a conformant baseline itself does not pass.

import { parseArgs } from 'node:util';
import { DEFECT_KINDS, type DefectKind } from '../mock/variants.ts';
import { mockCommandSeedOr } from './run-options.ts';
import { fuzzSection, KILL_REPORT } from './selfcheck-fuzz.ts';
import { selfcheck } from './selfcheck-run.ts';

const HELP = `Usage: npm run selfcheck -- [options]

Runs each catalog entry's scenario against a mock with that entry broken in each defect class
(${DEFECT_KINDS.join(', ')}) and prints the mutation score per class and in total.

Then the fuzz section: every fuzz rule with its boundary moved by one unit outwards and inwards, every structural
property against an operation that answers 200 to a refused shape, every idempotency property against a mock that
forgets what it checks; each judged by its own property with generated cases only (no examples, no shrinking).
Prints "fuzz kill rate: K/N" and writes <reports>/${KILL_REPORT}.

Options:
  --kind <class>        only this defect class (repeatable)
  --entry <text>        only entries whose id contains <text>
  --fuzz                only the fuzz section
  --no-fuzz             only the entry section
  --fuzz-runs <n>       generated cases per fuzz property (default 20; a property's own cap applies)
  --fuzz-filter <text>  only fuzz variants whose name contains <text>
  --reports <dir>       where ${KILL_REPORT} goes (default reports)
  --concurrency <n>     cases at once (default 8)
  --seed <n>            seed of the mock and the data (default UQPAY_SEED from the environment or --env, or 1)
  --env <file>          settings file read after the environment (default .env)
  -h, --help            show this help`;

function fail(message: string): never {
  console.error(`selfcheck: ${message}`);
  process.exit(2);
}

let values: Record<string, unknown>;
try {
  values = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      kind: { type: 'string', multiple: true },
      entry: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      env: { type: 'string' },
      fuzz: { type: 'boolean' },
      'no-fuzz': { type: 'boolean' },
      'fuzz-runs': { type: 'string' },
      'fuzz-filter': { type: 'string' },
      reports: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]} (see npm run selfcheck -- --help)`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const kinds = (values.kind as string[] | undefined) ?? [...DEFECT_KINDS];
for (const kind of kinds) if (!DEFECT_KINDS.includes(kind as DefectKind)) fail(`unknown --kind "${kind}"`);
const whole = (name: string, text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/u.test(text) || Number(text) < 1) fail(`${name} must be a whole number ≥ 1 (got "${text}")`);
  return Number(text);
};
const concurrency = whole('--concurrency', values.concurrency as string | undefined, 8);
// Without --seed: UQPAY_SEED from the environment or --env, held to the same rule as --seed (≥ 1).
const seedText =
  (values.seed as string | undefined) ?? String(mockCommandSeedOr(values.env as string | undefined, fail));
const seed = whole('--seed', seedText, 1);

if (values.fuzz && values['no-fuzz']) fail('--fuzz and --no-fuzz exclude each other');
const fuzzRuns = whole('--fuzz-runs', values['fuzz-runs'] as string | undefined, 20);

const entriesCaught = values.fuzz ? true : await entrySection();
const fuzzKilled = values['no-fuzz']
  ? true
  : await fuzzSection({
      seed,
      numRuns: fuzzRuns,
      concurrency: Math.min(concurrency, 4),
      reportsDir: (values.reports as string | undefined) ?? 'reports',
      ...(typeof values['fuzz-filter'] === 'string' ? { filter: values['fuzz-filter'] } : {}),
    }).then((rate) => {
      if (rate.baseline_broken.length)
        fail(`${rate.baseline_broken.length} fuzz properties do not hold against the faithful mock; no kill rate`);
      return rate.killed === rate.total;
    });
process.exit(entriesCaught && fuzzKilled ? 0 : 1);

/** The mutation score of the judge; true when every defect was caught. */
async function entrySection(): Promise<boolean> {
  const started = performance.now();
  const result = await selfcheck({
    seed,
    concurrency,
    kinds: kinds as DefectKind[],
    ...(typeof values.entry === 'string' ? { entryFilter: values.entry } : {}),
    onProgress: (done, total) => {
      if (done % 500 === 0 || done === total) console.log(`[selfcheck] ${done}/${total} variants judged`);
    },
  });
  if (result.baselineBroken.length) {
    for (const b of result.baselineBroken) console.error(`  baseline ${b.variant}: ${b.outcome} ${b.reason}`);
    fail(`${result.baselineBroken.length} entries do not pass against the conformant mock; no score`);
  }
  const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)} %` : 'n/a');
  for (const c of result.classes) {
    console.log(`mutation score: ${c.caught}/${c.total} ${c.kind} (${pct(c.caught, c.total)})`);
    for (const s of c.survivors)
      console.log(`  survivor ${s.variant}: ${s.outcome}${s.reason ? ` — ${s.reason}` : ''}`);
  }
  console.log(
    `mutation score: ${result.caught}/${result.total} total (${pct(result.caught, result.total)}) · seed ${seed} · ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.caught === result.total;
}
