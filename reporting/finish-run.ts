// The steps between a run's raw results and its report files, shared by npm run conformance and
// npm run merge-reports: cases only a mock can provoke become "not applicable", known deviations are applied,
// failures of pairs that never passed on this target kind are marked pending, and the run is appended to the
// history whose trend the HTML report draws.

import type { Catalog } from '../catalog/load.ts';
import type { Deviation } from './deviation-types.ts';
import { applyDeviations } from './deviations.ts';
import { appendHistory, historyLine, readHistory } from './history.ts';
import { markNotApplicable } from './not-applicable.ts';
import { markPending } from './pending.ts';
import type { RunResults } from './results.ts';
import type { WriteOptions } from './write-reports.ts';

export interface FinishOptions {
  catalog: Catalog;
  deviations: readonly Deviation[];
  /** YYYY-MM-DD the deviations are judged on. */
  today: string;
  /** --history file to append this run to; null: no history. */
  historyFile: string | null;
}

export function finishRun(raw: RunResults, options: FinishOptions): { results: RunResults; write: WriteOptions } {
  const { catalog } = options;
  const judged = applyDeviations(markNotApplicable(raw, catalog), catalog, options.deviations, options.today);
  if (!options.historyFile) return { results: judged, write: {} };
  // Pending is judged on the runs before this one; then this run joins the history.
  const earlier = readHistory(options.historyFile);
  const results = markPending(judged, catalog, earlier);
  const line = historyLine(results, catalog);
  appendHistory(options.historyFile, line);
  return { results, write: { history: [...earlier, line] } };
}
