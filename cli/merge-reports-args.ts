// Command-line arguments of npm run merge-reports and its --help.

import { parseArgs } from 'node:util';
import { DEFAULT_DEVIATIONS_FILE } from '../reporting/deviations.ts';
import { minCoverageOption, UsageError } from './conformance-args.ts';

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

export interface MergeArgs {
  dirs: string[];
  reportsDir: string;
  deviations: string | null;
  history: string | null;
  minCoverage: number | null;
  summaryMd: string | null;
}

export function parseMergeArgs(argv: string[]): MergeArgs | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        reports: { type: 'string' },
        deviations: { type: 'string' },
        history: { type: 'string' },
        'min-coverage': { type: 'string' },
        'summary-md': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  if (parsed.positionals.length === 0) throw new UsageError('name at least one shard reports directory');
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : null);
  return {
    dirs: parsed.positionals,
    reportsDir: text('reports') ?? 'reports',
    deviations: text('deviations'),
    history: text('history'),
    minCoverage: minCoverageOption(text('min-coverage')),
    summaryMd: text('summary-md'),
  };
}
