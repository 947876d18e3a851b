// The case titles a selection keeps. Shards are a deterministic round robin over the selected cases in suite
// order, so every shard gets a mix of sections and the union of the n shards is the unsharded run.

import type { Catalog } from '../catalog/load.ts';
import { allScenarios } from '../generators/index.ts';
import { scenarioTitles } from './case-meta.ts';
import { SECTION_ORDER, type Selection } from './selection.ts';

/** Every case title in the order the unsharded suite runs them. */
export function suiteOrder(catalog: Catalog): string[] {
  const titles = scenarioTitles(allScenarios);
  return SECTION_ORDER.flatMap((section) =>
    allScenarios
      .filter((s) => catalog.entryById.get(s.entry)?.section === section)
      .map((s) => titles.get(s) ?? s.entry),
  );
}

/** The titles the selection keeps, in suite order. */
export function selectedTitles(catalog: Catalog, selection: Selection): string[] {
  const titles = scenarioTitles(allScenarios);
  const meta = new Map(allScenarios.map((s) => [titles.get(s) ?? s.entry, s]));
  const exact = selection.titles ? new Set(selection.titles) : null;
  const chosen = suiteOrder(catalog).filter((title) => {
    if (exact && !exact.has(title)) return false;
    if (selection.only.length === 0) return true;
    const s = meta.get(title);
    const section = s ? catalog.entryById.get(s.entry)?.section : undefined;
    return selection.only.some((name) => name === section || name === s?.operation || name === s?.entry);
  });
  const { shard } = selection;
  return shard ? chosen.filter((_, i) => i % shard.count === shard.index - 1) : chosen;
}
