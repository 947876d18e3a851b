// npm run selfcheck: the suite's mutation score. Breaks every catalog entry in every defect class on one batched
// mock and prints "mutation score: K/N" per class and in total, listing every survivor; then the fuzz section proves
// every fuzz property has teeth ("fuzz kill rate: K/N", cli/selfcheck-fuzz.ts). Exit 0 at 100 % in both, 1 when a
// defect or a fuzz variant survived, 2 on bad arguments or when a conformant baseline itself does not pass.

import { ConfigError } from '../harness/config.ts';
import { fail, type OptionCheck, parseCommandArgs, runAsEntry, runCommand, UsageError } from '../lib/cli.ts';
import { DEFECT_KINDS, type DefectKind } from '../mock/variants.ts';
import { mockCommandSeed } from './run-options.ts';
import { fuzzSection, KILL_REPORT } from './selfcheck-fuzz.ts';
import { type SelfcheckOptions, selfcheck } from './selfcheck-run.ts';

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

const OPTIONS = {
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
} as const;

const wholeNumber = (name: string): OptionCheck => ({
  valid: (v) => /^\d{1,9}$/u.test(v) && Number(v) >= 1,
  problem: (v) => `--${name} must be a whole number ≥ 1 (got "${v}")`,
});

const CHECKS: Record<string, OptionCheck> = {
  kind: { valid: (v) => DEFECT_KINDS.includes(v as DefectKind), problem: (v) => `unknown --kind "${v}"` },
  concurrency: wholeNumber('concurrency'),
  seed: wholeNumber('seed'),
  'fuzz-runs': wholeNumber('fuzz-runs'),
};

/** npm run selfcheck with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('selfcheck', () => selfcheckCommand(argv), [ConfigError]);
}

async function selfcheckCommand(argv: string[]): Promise<number> {
  const args = parseCommandArgs({ help: HELP, options: OPTIONS, checks: CHECKS }, argv);
  if (args.flag('fuzz') && args.flag('no-fuzz')) throw new UsageError('--fuzz and --no-fuzz exclude each other');
  const kinds = args.list('kind');
  const entry = args.text('entry');
  const fuzzFilter = args.text('fuzz-filter');
  const concurrency = Number(args.text('concurrency') ?? 8);
  // Without --seed: UQPAY_SEED from the environment or --env, held to the same rule as --seed (≥ 1).
  const seedText = args.text('seed') ?? String(mockCommandSeed(args.text('env')));
  if (!CHECKS.seed?.valid(seedText))
    fail(`UQPAY_SEED must be a whole number ≥ 1 for npm run selfcheck (got "${seedText}")`);
  const seed = Number(seedText);
  const entriesCaught = args.flag('fuzz')
    ? true
    : await entrySection({
        seed,
        concurrency,
        kinds: kinds.length ? (kinds as DefectKind[]) : [...DEFECT_KINDS],
        ...(entry !== undefined ? { entryFilter: entry } : {}),
      });
  if (args.flag('no-fuzz')) return entriesCaught ? 0 : 1;
  const rate = await fuzzSection({
    seed,
    numRuns: Number(args.text('fuzz-runs') ?? 20),
    concurrency: Math.min(concurrency, 4),
    reportsDir: args.text('reports') ?? 'reports',
    ...(fuzzFilter !== undefined ? { filter: fuzzFilter } : {}),
  });
  if (rate.baseline_broken.length)
    fail(`${rate.baseline_broken.length} fuzz properties do not hold against the faithful mock; no kill rate`);
  return entriesCaught && rate.killed === rate.total ? 0 : 1;
}

/** The mutation score of the judge; true when every defect was caught. */
async function entrySection(options: Omit<SelfcheckOptions, 'onProgress'>): Promise<boolean> {
  const started = performance.now();
  const result = await selfcheck({
    ...options,
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
    `mutation score: ${result.caught}/${result.total} total (${pct(result.caught, result.total)}) · seed ${options.seed} · ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.caught === result.total;
}

await runAsEntry(import.meta.url, main);
