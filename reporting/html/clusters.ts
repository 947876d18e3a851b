// The part of conformance.html that comes before the single failures: the coverage of the documented contract
// (per section, as bars) and the failure clusters, each with its signature, count, entries, operations and a link
// to an example case.

import type { Coverage, CoverageCounts } from '../coverage.ts';
import { gapGroups } from '../coverage.ts';
import type { RunResults } from '../results.ts';
import { caseAnchor, esc } from './escape.ts';

export function coverageSection(coverage: Coverage | undefined): string {
  if (!coverage) return '';
  const bar = (name: string, c: CoverageCounts) => {
    const w = (n: number) => (c.total ? (n / c.total) * 100 : 0).toFixed(1);
    return `<tr><th>${esc(name)}</th><td><div class="cov" title="${c.conformant} conformant, ${c.wrong} wrong, ${c.not_provokable} not provokable, ${c.not_run} not run"><span class="c-ok" style="width:${w(c.conformant)}%"></span><span class="c-wrong" style="width:${w(c.wrong)}%"></span><span class="c-np" style="width:${w(c.not_provokable)}%"></span></div></td><td>${c.percent} % (${c.conformant}/${c.total})</td></tr>`;
  };
  const rows = [bar('all pairs', coverage.pairs), ...Object.entries(coverage.sections).map(([s, c]) => bar(s, c))];
  const gaps = gapGroups(coverage)
    .map((g) => `<li><span class="count">${g.pairs}</span> ${esc(g.label)}</li>`)
    .join('');
  // Folded: the first failure must stay on the first screen; the figure itself is in the summary line.
  return `<section id="coverage"><details><summary><b>Coverage of the documented contract: <span data-coverage="pairs.percent">${coverage.pairs.percent} %</span></b> of ${coverage.pairs.total} (entry, operation) pairs provoked and conformant · entries ${coverage.entries.conformant}/${coverage.entries.total} · ${coverage.pairs.wrong} wrong, ${coverage.pairs.not_provokable} not provokable here, ${coverage.pairs.not_run} not run</summary>
<p class="note">Green conformant, red wrong, grey not provokable on this target, blank not run.</p>
<table class="coverage">${rows.join('')}</table>${gaps ? `<h3>What is missing</h3><ul>${gaps}</ul>` : ''}</details></section>`;
}

export function clusterSection(results: RunResults): string {
  const clusters = results.clusters ?? [];
  if (clusters.length === 0) return '';
  const indexOf = new Map(results.cases.map((c, i) => [c.title, i]));
  const items = clusters
    .map((cluster) => {
      const index = indexOf.get(cluster.example.title);
      const example =
        index === undefined
          ? esc(cluster.example.title)
          : `<a href="#${caseAnchor(index)}">${esc(cluster.example.title)}</a>`;
      return `<li class="cluster"><span class="count">${cluster.count} ×</span> <code>${esc(cluster.signature)}</code><div class="note">${cluster.entries.length} entries on ${cluster.operations.length} operations: ${esc(cluster.operations.join(', '))} · e.g. ${example}</div><details><summary>entries</summary>${esc(cluster.entries.join(', '))}</details></li>`;
    })
    .join('\n');
  return `<section id="clusters"><h3>Failure clusters (${clusters.length}): failures that share a cause</h3><ul>${items}</ul></section>`;
}
