// Command-line arguments of npm run merge-reports and its --help.

import { parseCommandArgs, UsageError } from '../lib/cli.ts';
import { DEFAULT_DEVIATIONS_FILE } from '../reporting/deviations.ts';
import { MIN_COVERAGE_CHECK } from './conformance-args.ts';

export const MERGE_HELP = `Usage: npm run merge-reports -- <dir>… [options]

Merges the reports of shards (npm run conformance -- --shard i/n --reports <dir>) into the reports of one run:
results.json, junit.xml and the HTML report, as if the cases had run in one go. Sends no request.

Options:
  --reports <dir>       where to write the merged reports (default reports)
  --deviations <file>   known deviations, applied again to the merged run (default ${DEFAULT_DEVIATIONS_FILE})
  --history <file>      append the merged run to a JSONL history (the HTML report draws its last 30 runs);
                        failures of pairs that never passed on this target kind in it are pending (not gating)
  --min-coverage <pct>  exit 1 when fewer than <pct> % of the documented pairs are conformant
  --summary-md <file>   write the Markdown summary (also appended to $GITHUB_STEP_SUMMARY when set)
  -h, --help            show this help

Exit codes: 0 every case passed, 1 contract failures or an expired or stale known deviation,
            2 bad arguments, unreadable or incompatible shard reports, or cases that errored.`;

const OPTIONS = {
  reports: { type: 'string' },
  deviations: { type: 'string' },
  history: { type: 'string' },
  'min-coverage': { type: 'string' },
  'summary-md': { type: 'string' },
} as const;

export interface MergeArgs {
  dirs: string[];
  reportsDir: string;
  deviations: string | null;
  history: string | null;
  minCoverage: number | null;
  summaryMd: string | null;
}

export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const args = parseCommandArgs(
    { help: MERGE_HELP, options: OPTIONS, checks: MIN_COVERAGE_CHECK, positionals: true },
    argv,
  );
  if (args.positionals.length === 0) throw new UsageError('name at least one shard reports directory');
  const coverage = args.text('min-coverage');
  return {
    dirs: args.positionals,
    reportsDir: args.text('reports') ?? 'reports',
    deviations: args.text('deviations') ?? null,
    history: args.text('history') ?? null,
    minCoverage: coverage === undefined ? null : Number(coverage),
    summaryMd: args.text('summary-md') ?? null,
  };
}
