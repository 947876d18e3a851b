// npm run replay -- <results.json>: the conformance run itself (same CLI, same target settings, guards, pacing,
// ledger and cleanup), limited to the failed and errored cases of an earlier run by their exact titles, with that
// run's seed. Only what differs from a normal run lives here.

import type { Catalog } from '../catalog/load.ts';
import { ConfigError } from '../harness/config.ts';
import type { RunSettings } from '../harness/settings.ts';
import { BaselineError, readResults } from '../reporting/baseline.ts';
import { casesToReplay, describeReplay, replayVerdicts } from '../reporting/replay.ts';
import type { RunResults } from '../reporting/results.ts';

export interface ReplayPlan {
  file: string;
  earlier: RunResults;
  titles: string[];
}

/** Reads the earlier run; one line (exit 2) when it cannot be replayed here. */
export function planReplay(file: string, catalog: Catalog): ReplayPlan {
  let earlier: RunResults;
  try {
    earlier = readResults(file, 'run to replay');
  } catch (error) {
    if (error instanceof BaselineError) throw new ConfigError(error.message);
    throw error;
  }
  if (earlier.run.catalog_sha256 !== catalog.source.sha256)
    throw new ConfigError(`the run ${file} was judged against another catalog version; run the suite again instead`);
  return { file, earlier, titles: casesToReplay(earlier) };
}

/** The earlier run's seed; a target of another kind is refused before any request where the settings show it. */
export function replaySettings(settings: RunSettings, plan: ReplayPlan): RunSettings {
  const was = plan.earlier.run.target;
  if (settings.config.target.builtIn && was !== 'mock')
    throw new ConfigError(
      `the run ${plan.file} ran against a ${was} target, but UQPAY_BASE_URL is empty (the built-in mock); set the same target settings`,
    );
  return { ...settings, config: { ...settings.config, seed: plan.earlier.run.seed, seedFixed: true } };
}

/** The per-case lines after the run, and how many cases still fail. */
export function replayReport(plan: ReplayPlan, now: RunResults): { lines: string[]; stillFailing: number } {
  const lines = replayVerdicts(plan.earlier, now);
  return {
    lines: describeReplay(lines, plan.earlier, now),
    stillFailing: lines.filter((l) => l.verdict === 'STILL FAILING' || l.verdict === 'NOW FAILING').length,
  };
}
