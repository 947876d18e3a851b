// The nightly-job and release-gate options of npm run conformance, kept out of cli/conformance.ts: the guards an
// unattended job needs (a named --env file, --expect-target, a writable reports directory, all checked before any
// request), the selection (--only, --shard, --list), and after the run the known deviations and the --baseline.
// Every problem is a ConfigError, so the CLI prints one line and exits 2.

import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/load.ts';
import { ConfigError } from '../harness/config.ts';
import { settingsSeed } from '../harness/settings.ts';
import { BaselineError, type Comparison, compareRuns, describeComparison, readResults } from '../reporting/baseline.ts';
import type { Deviation } from '../reporting/deviation-types.ts';
import {
  DEFAULT_DEVIATIONS_FILE,
  DeviationsError,
  deviationProblems,
  deviationsOption,
  today,
} from '../reporting/deviations.ts';
import { finishRun } from '../reporting/finish-run.ts';
import { checkHistoryWritable, HistoryError } from '../reporting/history.ts';
import type { RunResults } from '../reporting/results.ts';
import type { ReporterOptions } from '../reporting/vitest-reporter.ts';
import { describeSelection, parseSelection, type Selection, SelectionError } from '../suites/selection.ts';
import type { ConformanceArgs } from './conformance-args.ts';

export interface RunPlan {
  selection: Selection;
  /** The selected case titles, in suite order; null when every case runs and none was listed. */
  titles: string[] | null;
  /** The selection in words for the reports; undefined when every case runs. */
  described: string | undefined;
  deviations: Deviation[];
  baseline: RunResults | null;
}

/** A named --env file must be readable (not a directory); only the default .env may be missing. */
export function checkEnvFile(args: Pick<ConformanceArgs, 'envFile' | 'envExplicit'>): void {
  if (!args.envExplicit) return;
  try {
    accessSync(args.envFile, constants.R_OK);
    if (statSync(args.envFile).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new ConfigError(`cannot read the --env file ${args.envFile} (${(error as NodeJS.ErrnoException).code})`);
  }
}

/**
 * The seed of a mock-only command (npm run selfcheck, npm run export) without --seed: UQPAY_SEED from the
 * environment (processEnv in tests; harness/settings.ts reads the process's) or the --env file (default .env, which
 * may be missing), else 1. Throws ConfigError.
 */
export function mockCommandSeed(envFlag: string | undefined, processEnv?: NodeJS.ProcessEnv): number {
  const envFile = envFlag ?? '.env';
  checkEnvFile({ envFile, envExplicit: envFlag !== undefined });
  return settingsSeed(envFile, processEnv) ?? 1;
}

/** Selection, deviations, history and baseline, checked before any request; replayTitles: npm run replay's cases. */
export async function planRun(args: ConformanceArgs, catalog: Catalog, replayTitles?: string[]): Promise<RunPlan> {
  try {
    const selection = {
      ...parseSelection(catalog, args.only, args.shard),
      ...(replayTitles ? { titles: replayTitles } : {}),
    };
    // Loading every scenario costs a moment; only a selection, a listing or --bail's count needs the titles here.
    const selecting =
      args.list || args.only.length > 0 || args.shard !== null || args.bail !== null || replayTitles !== undefined;
    const titles = selecting ? (await import('../suites/selected-cases.ts')).selectedTitles(catalog, selection) : null;
    if (titles?.length === 0)
      throw new SelectionError(`the selection (${describeSelection(selection, null)}) holds no case`);
    const deviations = deviationsOption(args.deviations, catalog);
    if (args.history) checkHistoryWritable(args.history);
    const baseline = args.baseline ? readResults(args.baseline, 'baseline') : null;
    if (baseline && baseline.run.catalog_sha256 !== catalog.source.sha256)
      throw new BaselineError(
        `the baseline ${args.baseline} was judged against another catalog version (${baseline.run.catalog_sha256.slice(0, 12)}, now ${catalog.source.sha256.slice(0, 12)}); record a new baseline`,
      );
    return { selection, titles, described: describeSelection(selection, args.filter), deviations, baseline };
  } catch (error) {
    if (
      error instanceof SelectionError ||
      error instanceof DeviationsError ||
      error instanceof HistoryError ||
      error instanceof BaselineError
    )
      throw new ConfigError(error.message);
    throw error;
  }
}

/** The reports directory must take files before a single request is sent. */
export function checkReportsWritable(dir: string): void {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new ConfigError(`cannot write reports to ${dir} (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** What the reporter needs from the plan: the finishing step (the selection and --bail travel with the target). */
export function planHooks(plan: RunPlan, args: ConformanceArgs, catalog: Catalog) {
  const finish: ReporterOptions['finish'] = (results) =>
    finishRun(plan.described ? { ...results, run: { ...results.run, selection: plan.described } } : results, {
      catalog,
      deviations: plan.deviations,
      today: today(),
      historyFile: args.history,
    });
  return { finish };
}

/** Lines for the summary and whether the run must exit 1: known deviations, not-applicable cases, the baseline. */
export function afterRun(
  results: RunResults,
  plan: RunPlan,
  args: ConformanceArgs,
): { lines: string[]; failed: boolean } {
  const { cases } = results.summary;
  const lines: string[] = [];
  if (cases.deviations)
    lines.push(
      `  ${cases.deviations} known deviations (${args.deviations ?? DEFAULT_DEVIATIONS_FILE}): not counted as failures`,
    );
  if (cases.not_applicable)
    lines.push(`  ${cases.not_applicable} cases not applicable on this target (only a mock can provoke them)`);
  if (args.bail && plan.titles && cases.total < plan.titles.length)
    lines.push(`  stopped early (--bail ${args.bail}): ${cases.total} of ${plan.titles.length} cases judged`);
  const problems = deviationProblems(results.deviations);
  lines.push(...problems.map((p) => `  ${p}`));
  let comparison: Comparison | null = null;
  if (plan.baseline && args.baseline) {
    comparison = compareRuns(plan.baseline, results);
    // Catalog and target kind were checked before the run; a refusal here still fails loudly.
    if (comparison.refused !== null) lines.push(`  baseline refused: ${comparison.refused}`);
    lines.push(...describeComparison(comparison, args.baseline).map((l) => `  ${l}`));
  }
  const regressed = comparison !== null && (comparison.refused !== null || comparison.regressions > 0);
  return { lines, failed: problems.length > 0 || regressed };
}
