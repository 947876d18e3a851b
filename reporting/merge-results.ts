// Merges the results.json of shards (npm run conformance -- --shard i/n) into the results of one run: cases in the
// order the unsharded suite runs them, totals recomputed, run facts combined. Shards of different catalogs,
// targets or seeds, or shards that share a case, are refused: their union would not be one run.

import type { Catalog } from '../catalog/load.ts';
import { mergeShapes } from '../harness/shapes.ts';
import { suiteOrder } from '../suites/selected-cases.ts';
import { buildDrift } from './drift.ts';
import { type RunResults, summarize } from './results.ts';

export class MergeError extends Error {}

export function mergeResults(parts: readonly RunResults[], catalog: Catalog, names: readonly string[]): RunResults {
  const [first] = parts;
  if (!first) throw new MergeError('no results to merge');
  checkOneRun(parts, first, names);
  const order = new Map(suiteOrder(catalog).map((title, i) => [title, i]));
  const rank = (title: string) => order.get(title) ?? Number.MAX_SAFE_INTEGER;
  const cases = parts.flatMap((p) => p.cases).sort((a, b) => rank(a.title) - rank(b.title));
  // seen_in names the case that saw an answer (a shared arrange's answers go last): order them like those cases.
  const undocumentedRank = (seen: string) =>
    Math.min(...cases.filter((c) => c.title.startsWith(seen)).map((c) => rank(c.title)));
  const undocumented = parts
    .flatMap((p) => p.undocumented)
    .map((u, i) => ({ u, i, r: undocumentedRank(u.seen_in) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ u }) => u);
  return {
    run: mergedRunFacts(parts, first),
    ...summarize(catalog, cases),
    cases,
    undocumented,
    // A known deviation is still drift from the page; a case not applicable here was not exercised.
    drift: buildDrift(
      catalog,
      cases.map((c) => ({
        ...c,
        outcome: c.outcome === 'deviation' ? 'fail' : c.outcome === 'not_applicable' ? 'skip' : c.outcome,
      })),
      undocumented,
    ),
    shapes: mergeShapes(parts.map((p) => p.shapes ?? {})),
  };
}

/** Shards of one run share the catalog, target and seed, and no case. */
function checkOneRun(parts: readonly RunResults[], first: RunResults, names: readonly string[]): void {
  for (const [i, part] of parts.entries()) {
    for (const fact of ['catalog_sha256', 'target', 'seed'] as const) {
      if (part.run[fact] !== first.run[fact])
        throw new MergeError(
          `${names[i]} has ${fact} ${part.run[fact]}, ${names[0]} has ${first.run[fact]}: shards of one run share the catalog, target and seed`,
        );
    }
  }
  const seenIn = new Map<string, string>();
  for (const [i, part] of parts.entries()) {
    for (const c of part.cases) {
      const other = seenIn.get(c.title);
      if (other !== undefined) throw new MergeError(`case "${c.title}" is in both ${other} and ${names[i]}`);
      seenIn.set(c.title, names[i] ?? String(i));
    }
  }
}

/** The run's facts: from the first shard, with the span of all, their requests summed and their selections joined. */
function mergedRunFacts(parts: readonly RunResults[], first: RunResults): RunResults['run'] {
  const start = Math.min(...parts.map((p) => Date.parse(p.run.started_at)));
  const end = Math.max(...parts.map((p) => Date.parse(p.run.started_at) + p.run.duration_ms));
  const selections = new Set(parts.map((p) => withoutShard(p.run.selection)));
  const selection = selections.size === 1 ? [...selections][0] : [...selections].filter(Boolean).join('; ');
  return {
    target: first.run.target,
    base_url_host: first.run.base_url_host,
    seed: first.run.seed,
    started_at: new Date(start).toISOString(),
    duration_ms: end - start,
    requests: parts.reduce((sum, p) => sum + p.run.requests, 0),
    catalog_sha256: first.run.catalog_sha256,
    ...(selection ? { selection } : {}),
    timing: { started_at: new Date(start).toISOString(), duration_ms: end - start },
  };
}

function withoutShard(selection: string | undefined): string | undefined {
  const rest = selection?.replace(/\s*--shard \d+\/\d+/u, '').trim();
  return rest ? rest : undefined;
}
