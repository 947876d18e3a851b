// Command-line arguments of npm run gate and its --help.

import { parseCommandArgs, UsageError } from '../lib/cli.ts';
import { DEFAULT_DEVIATIONS_FILE } from '../reporting/deviations.ts';

export const GATE_HELP = `Usage: npm run gate -- --baseline <results.json> --current <results.json> [options]

Compares two stored runs case by case and prints what changed: pass→fail, pass→error, pass→skip, fail→pass,
message drift and new undocumented answers. Sends no request.

Options:
  --baseline <file>     the last accepted run's results.json
  --current <file>      the run to judge
  --deviations <file>   known deviations applied to the current run (default ${DEFAULT_DEVIATIONS_FILE} if present)
  -h, --help            show this help

Exit codes: 0 no regression, 1 regressions or an expired or stale known deviation,
            2 bad arguments, unreadable files, or runs that cannot be compared (another catalog or target kind).`;

const OPTIONS = {
  baseline: { type: 'string' },
  current: { type: 'string' },
  deviations: { type: 'string' },
} as const;

export interface GateArgs {
  baseline: string;
  current: string;
  /** Named explicitly: then it must exist. */
  deviations: string | null;
}

export function parseGateArgs(argv: readonly string[]): GateArgs {
  const args = parseCommandArgs({ help: GATE_HELP, options: OPTIONS }, argv);
  const baseline = args.text('baseline');
  const current = args.text('current');
  if (baseline === undefined || current === undefined)
    throw new UsageError('--baseline <file> and --current <file> are both required');
  return { baseline, current, deviations: args.text('deviations') ?? null };
}
