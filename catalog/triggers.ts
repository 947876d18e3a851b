// Loads catalog/triggers.json: the kind of each entry's trigger, as data (mock/RULES.md says the same in prose). The
// set of request-rule pairs the fuzz must cover is derived from it (fuzz/coverage.ts).

import { readFileSync } from 'node:fs';
import type { Catalog } from './load.ts';
import { CatalogError } from './load.ts';
import type { EntryTrigger, TriggerKind } from './types.ts';

const FILE = new URL('./triggers.json', import.meta.url);
const KINDS: readonly TriggerKind[] = ['request-rule', 'state', 'internal'];

export interface Triggers {
  /** The kind of the entry's trigger on one operation ('*' for a general row). */
  kindOf(entry: string, operation: string): TriggerKind;
  readonly entries: readonly EntryTrigger[];
}

/** The triggers of the catalog's entries; throws CatalogError naming every entry that lacks one or is unknown. */
export function loadTriggers(catalog: Catalog, doc: unknown = JSON.parse(readFileSync(FILE, 'utf8'))): Triggers {
  const entries = (doc as { entries?: EntryTrigger[] }).entries ?? [];
  const problems = triggerProblems(catalog, entries);
  if (problems.length) throw new CatalogError('catalog/triggers.json', problems);
  const byId = new Map(entries.map((t) => [t.entry as string, t]));
  return {
    entries,
    kindOf(entry, operation) {
      const trigger = byId.get(entry);
      if (!trigger) throw new Error(`no trigger kind for ${entry}`);
      return trigger.by_operation?.[operation as keyof EntryTrigger['by_operation']] ?? trigger.kind;
    },
  };
}

function triggerProblems(catalog: Catalog, entries: readonly EntryTrigger[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of entries) {
    const entry = catalog.entryById.get(t.entry);
    if (!entry) problems.push(`${t.entry} is not a catalog entry`);
    if (seen.has(t.entry)) problems.push(`${t.entry} appears more than once`);
    seen.add(t.entry);
    for (const kind of [t.kind, ...Object.values(t.by_operation ?? {})]) {
      if (!KINDS.includes(kind as TriggerKind))
        problems.push(`${t.entry}: "${kind}" is not one of ${KINDS.join(', ')}`);
    }
    for (const op of Object.keys(t.by_operation ?? {})) {
      if (entry && (entry.operations === '*' || !entry.operations.includes(op as never))) {
        problems.push(`${t.entry}: by_operation names ${op}, which the entry does not document`);
      }
    }
  }
  for (const e of catalog.entries) if (!seen.has(e.id)) problems.push(`${e.id} has no trigger kind`);
  return problems;
}
