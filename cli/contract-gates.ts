// The gates on the documented contract as a whole, after a run: --min-coverage, pending pairs (--history), the
// problems no list may accept (reporting/never-forgiven.ts), a drop in coverage against --baseline; and the Markdown
// summary for the job page ($GITHUB_STEP_SUMMARY) and --summary-md.

import { minCoverageProblem } from '../reporting/coverage.ts';
import { neverForgiven } from '../reporting/never-forgiven.ts';
import { pendingLine } from '../reporting/pending.ts';
import type { RunResults } from '../reporting/results.ts';
import { summaryMarkdown, writeSummaryMarkdown } from '../reporting/summary-md.ts';

export interface ContractGateOptions {
  minCoverage: number | null;
  summaryMd: string | null;
}

/** Lines for the summary, the --min-coverage line for stderr (null when met or not asked), and whether a gate failed. */
export function contractGates(
  results: RunResults,
  options: ContractGateOptions,
  baseline: RunResults | null,
): { lines: string[]; coverageProblem: string | null; failed: boolean } {
  const lines: string[] = [];
  let failed = false;
  let coverageProblem: string | null = null;
  const pending = pendingLine(results);
  if (pending) lines.push(`  ${pending}`);
  lines.push(...neverForgiven(results).map((l) => `  ${l}`));
  const drop = coverageDrop(baseline, results);
  if (drop) {
    lines.push(`  REGRESSION coverage: ${drop}`);
    failed = true;
  }
  if (options.minCoverage !== null && results.coverage) {
    coverageProblem = minCoverageProblem(results.coverage, options.minCoverage);
    if (coverageProblem) failed = true;
  }
  return { lines, coverageProblem, failed };
}

/**
 * With --baseline, fewer conformant pairs than the baseline had is a regression, even when no single case says so
 * (a pair that passed and is now skipped for a missing setting). Selections compare only like with like.
 */
export function coverageDrop(baseline: RunResults | null, current: RunResults): string | null {
  const before = baseline?.coverage?.pairs;
  const now = current.coverage?.pairs;
  if (!before || !now || baseline?.run.target !== current.run.target) return null;
  if ((baseline.run.selection ?? '') !== (current.run.selection ?? '')) return null;
  if (now.conformant >= before.conformant) return null;
  return `${now.conformant} conformant pairs (${now.percent} %), the baseline had ${before.conformant} (${before.percent} %)`;
}

/** Writes the Markdown summary where it was asked for; returns the paths written. */
export function publishSummary(
  results: RunResults,
  options: ContractGateOptions,
  exitCode: number,
  gateLines: readonly string[],
  // GITHUB_STEP_SUMMARY is the CI runner's, not a run setting (not in .env); read where the summary is written.
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const stepSummary = env.GITHUB_STEP_SUMMARY?.trim() || undefined;
  if (!stepSummary && !options.summaryMd) return [];
  return writeSummaryMarkdown(summaryMarkdown(results, { exitCode, gateLines }), {
    stepSummary,
    file: options.summaryMd,
  });
}
