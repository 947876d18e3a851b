// npm run gate: compares two stored runs (results.json) without sending any request. Today's known deviations are
// applied to the current run first, so accepting or expiring a deviation takes effect without a new run.
// Exit codes: 0 no regression, 1 regressions (or an expired or stale deviation), 2 bad arguments or files.

import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { fail, runAsEntry, runCommand } from '../lib/cli.ts';
import { BaselineError, compareRuns, describeComparison, readResults } from '../reporting/baseline.ts';
import {
  applyDeviations,
  DeviationsError,
  deviationProblems,
  deviationsOption,
  today,
} from '../reporting/deviations.ts';
import { parseGateArgs } from './gate-args.ts';

/** npm run gate with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('gate', () => gate(argv), [BaselineError, DeviationsError, CatalogError]);
}

function gate(argv: string[]): number {
  const args = parseGateArgs(argv);
  const catalog = loadCatalog();
  const baseline = readResults(args.baseline, 'baseline');
  const deviations = deviationsOption(args.deviations, catalog);
  const current = applyDeviations(readResults(args.current, 'current run'), catalog, deviations, today());
  const comparison = compareRuns(baseline, current);
  if (comparison.refused !== null) fail(comparison.refused);
  for (const line of describeComparison(comparison, args.baseline)) console.log(line);
  const problems = deviationProblems(current.deviations);
  for (const line of problems) console.log(`  ${line}`);
  return comparison.regressions > 0 || problems.length > 0 ? 1 : 0;
}

await runAsEntry(import.meta.url, main);
