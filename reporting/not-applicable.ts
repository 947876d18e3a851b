// Cases only a mock can provoke (an armed internal fault, a state only the mock can seed) skip everywhere else.
// On a target that is not a mock they are "not applicable on this target", a category of their own, so a
// fully-fixtured sandbox run can pass --fail-on-skip while a missing fixture still counts as a skip.

import type { Catalog } from '../catalog/load.ts';
import { type RunResults, summarize } from './results.ts';

export function markNotApplicable(results: RunResults, catalog: Catalog): RunResults {
  if (results.run.target === 'mock') return results;
  const cases = results.cases.map((c) =>
    c.outcome === 'skip' && c.skip?.kind === 'not-applicable' ? { ...c, outcome: 'not_applicable' as const } : c,
  );
  return { ...results, ...summarize(catalog, cases), cases };
}
