// npm run gate: compares two stored runs (results.json) without sending any request. Today's known deviations are
// applied to the current run first, so accepting or expiring a deviation takes effect without a new run.
// Exit codes: 0 no regression, 1 regressions (or an expired or stale deviation), 2 bad arguments or files.

import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { BaselineError, compareRuns, describeComparison, readResults } from '../reporting/baseline.ts';
import {
  applyDeviations,
  DeviationsError,
  deviationProblems,
  deviationsOption,
  today,
} from '../reporting/deviations.ts';
import { UsageError } from './conformance-args.ts';
import { GATE_HELP, parseGateArgs } from './gate-args.ts';

function main(argv: string[]): number {
  try {
    const args = parseGateArgs(argv);
    if (args === 'help') {
      console.log(GATE_HELP);
      return 0;
    }
    const catalog = loadCatalog();
    const baseline = readResults(args.baseline, 'baseline');
    const deviations = deviationsOption(args.deviations, catalog);
    const current = applyDeviations(readResults(args.current, 'current run'), catalog, deviations, today());
    const comparison = compareRuns(baseline, current);
    if (comparison.refused !== null) return fail(comparison.refused);
    for (const line of describeComparison(comparison, args.baseline)) console.log(line);
    const problems = deviationProblems(current.deviations);
    for (const line of problems) console.log(`  ${line}`);
    return comparison.regressions > 0 || problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (see npm run gate -- --help)`);
    if (error instanceof BaselineError || error instanceof DeviationsError || error instanceof CatalogError)
      return fail(error.message);
    throw error;
  }
}

function fail(message: string): number {
  console.error(`gate: ${message}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
