// Command-line arguments of npm run gate and its --help.

import { parseArgs } from 'node:util';
import { DEFAULT_DEVIATIONS_FILE } from '../reporting/deviations.ts';
import { UsageError } from './conformance-args.ts';

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

export interface GateArgs {
  baseline: string;
  current: string;
  /** Named explicitly: then it must exist. */
  deviations: string | null;
}

export function parseGateArgs(argv: string[]): GateArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        baseline: { type: 'string' },
        current: { type: 'string' },
        deviations: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (values.help) return 'help';
  const { baseline, current, deviations } = values;
  if (typeof baseline !== 'string' || typeof current !== 'string')
    throw new UsageError('--baseline <file> and --current <file> are both required');
  return { baseline, current, deviations: typeof deviations === 'string' ? deviations : null };
}
