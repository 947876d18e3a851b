// Which cases a run judges: --only <section|operation|entry id> (repeatable) and --shard <i>/<n>. The CLI checks
// the selection and hands it to the suite with the target (provide/inject); the suite keeps exactly the cases
// selectedTitles() (selected-cases.ts, which loads the generators) names. Kept free of the generators so the CLI
// can check arguments without loading every scenario.

import type { Catalog } from '../catalog/load.ts';

export interface Selection {
  only: string[];
  shard: { index: number; count: number } | null;
  /** Exact case titles (npm run replay: the failed and errored cases of an earlier run); absent: no such limit. */
  titles?: string[];
}

/** The sections in the order the suite runs them. */
export const SECTION_ORDER = ['general', 'card', 'cardholder', 'balance', 'transaction'];

export class SelectionError extends Error {}

/** Checks --only names and --shard against the catalog; throws SelectionError with one line. */
export function parseSelection(catalog: Catalog, only: string[], shard: string | null): Selection {
  for (const name of only) {
    const known = SECTION_ORDER.includes(name) || catalog.operationByName.has(name) || catalog.entryById.has(name);
    if (!known) throw new SelectionError(`--only "${name}" names no section, operation or entry id`);
  }
  if (shard === null) return { only, shard: null };
  const match = /^(\d{1,4})\/(\d{1,4})$/u.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new SelectionError(`--shard must be <i>/<n> with 1 ≤ i ≤ n (got "${shard}")`);
  return { only, shard: { index, count } };
}

/** The selection in words for reports ("--only card --shard 1/3"); undefined for every case. */
export function describeSelection(selection: Selection, filter: string | null): string | undefined {
  const parts = [
    ...selection.only.map((name) => `--only ${name}`),
    ...(filter ? [`--filter ${filter}`] : []),
    ...(selection.titles ? [`replay of ${selection.titles.length} cases`] : []),
    ...(selection.shard ? [`--shard ${selection.shard.index}/${selection.shard.count}`] : []),
  ];
  return parts.length ? parts.join(' ') : undefined;
}
