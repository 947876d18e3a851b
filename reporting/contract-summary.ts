// The console lines that lead the end-of-run summary: how much of the documented contract the run proved
// (coverage), and the failure clusters, so a reader sees "241 × code: number → string" before any single case.

import type { FailureCluster } from './clusters.ts';
import { coverageLine } from './coverage.ts';
import type { RunResults } from './results.ts';

export const MAX_LISTED_CLUSTERS = 10;

export function contractLines(results: RunResults): string[] {
  const lines: string[] = [];
  // A selection leaves pairs "not run" on purpose: say so on the same line.
  const selection = results.run.selection ? ` · this run was a selection (${results.run.selection})` : '';
  if (results.coverage) lines.push(`${coverageLine(results.coverage)}${selection}`);
  const clusters = results.clusters ?? [];
  if (clusters.length) {
    lines.push(`failure clusters (${clusters.length}, by cause):`);
    for (const cluster of clusters.slice(0, MAX_LISTED_CLUSTERS)) lines.push(`  ${clusterLine(cluster)}`);
    if (clusters.length > MAX_LISTED_CLUSTERS)
      lines.push(`  … and ${clusters.length - MAX_LISTED_CLUSTERS} more clusters (see results.json)`);
  }
  return lines;
}

/** "241 × code: number → string — 68 entries on 20 operations, e.g. Create Card › card.b.…". */
export function clusterLine(cluster: FailureCluster): string {
  return (
    `${cluster.count} × ${cluster.signature} — ${plural(cluster.entries.length, 'entry', 'entries')} on ` +
    `${plural(cluster.operations.length, 'operation', 'operations')}, e.g. ${cluster.example.title}`
  );
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
