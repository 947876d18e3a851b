// npm run merge-reports -- <dir>…: one run's reports from its shards' results.json, written by writeReports().
// Known deviations, the history (pending pairs), --min-coverage and the Markdown summary apply to the merged run,
// exactly as npm run conformance applies them to one.

import { join, resolve } from 'node:path';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { ConfigError } from '../harness/config.ts';
import { fail, runAsEntry, runCommand } from '../lib/cli.ts';
import { BaselineError, readResults } from '../reporting/baseline.ts';
import { DeviationsError, deviationProblems, deviationsOption, today } from '../reporting/deviations.ts';
import { finishRun } from '../reporting/finish-run.ts';
import { checkHistoryWritable, HistoryError } from '../reporting/history.ts';
import { MergeError, mergeResults } from '../reporting/merge-results.ts';
import { tally } from '../reporting/summary.ts';
import { writeReports } from '../reporting/write-reports.ts';
import { contractGates, publishSummary } from './contract-gates.ts';
import { parseMergeArgs } from './merge-reports-args.ts';
import { checkReportsWritable } from './run-options.ts';
import { runVerdict } from './verdict.ts';

/** npm run merge-reports with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('merge-reports', () => mergeReports(argv), [
    BaselineError,
    MergeError,
    DeviationsError,
    HistoryError,
    ConfigError,
    CatalogError,
  ]);
}

function mergeReports(argv: string[]): number {
  const args = parseMergeArgs(argv);
  const catalog = loadCatalog();
  const parts = args.dirs.map((dir) => readResults(join(dir, 'results.json'), 'shard results'));
  const deviations = deviationsOption(args.deviations, catalog);
  if (args.history) checkHistoryWritable(args.history);
  checkReportsWritable(resolve(args.reportsDir));
  const merged = mergeResults(parts, catalog, args.dirs);
  const { results, write } = finishRun(merged, { catalog, deviations, today: today(), historyFile: args.history });
  writeReports(resolve(args.reportsDir), results, catalog, write);
  const t = results.summary.cases;
  console.log(`merge-reports: ${parts.length} shard(s), ${t.total} cases: ${tally(t)} · reports in ${args.reportsDir}`);
  const problems = deviationProblems(results.deviations);
  const gates = contractGates(results, args, null);
  const lines = [...problems.map((line) => `  ${line}`), ...gates.lines];
  if (lines.length) console.log(lines.join('\n'));
  if (gates.coverageProblem) console.error(`merge-reports: ${gates.coverageProblem}`);
  const gateFailed = problems.length > 0 || gates.failed;
  const verdict = runVerdict({ results, interruptedCode: null, failOnSkip: false, gateFailed });
  publishSummary(results, args, verdict.code, [...lines, ...(gates.coverageProblem ? [gates.coverageProblem] : [])]);
  if (verdict.code === 2) fail(`${t.errored} cases could not be judged because the environment failed`);
  return verdict.code;
}

await runAsEntry(import.meta.url, main);
