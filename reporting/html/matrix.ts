// The coverage matrix: one row per catalog entry, one column per operation. A documented pair's cell shows its
// outcome symbol and count; a general row (documented for every operation) shows per-operation counts, so one
// skipped operation never hides the passes of the others. Failing and erroring cells link to their evidence.

import type { Catalog } from '../../catalog/load.ts';
import type { ReportedCase } from '../case-text.ts';
import { combine } from '../results.ts';
import { caseAnchor, esc } from './escape.ts';
import { CASE_OUTCOMES, styleOf } from './outcomes.ts';

type Indexed = { c: ReportedCase; index: number };

export function matrixSection(cases: readonly Indexed[], catalog: Catalog): string {
  const byPair = new Map<string, Indexed[]>();
  for (const item of cases) {
    const key = `${item.c.entry}|${item.c.operation}`;
    byPair.set(key, [...(byPair.get(key) ?? []), item]);
  }
  const head = catalog.operations.map((o) => `<th class="op"><div>${esc(o.name)}</div></th>`).join('');
  const rows = catalog.entries.map((entry) => {
    const outcomes = new Set<string>();
    const cells = catalog.operations.map((op) => {
      const documented = entry.operations === '*' || entry.operations.includes(op.name);
      if (!documented) return `<td class="o-not-documented" title="not documented for ${esc(op.name)}"></td>`;
      const items = byPair.get(`${entry.id}|${op.name}`) ?? [];
      if (items.length === 0) {
        outcomes.add('not-run');
        return `<td class="o-not-run" title="documented, not run">${styleOf('not-run').symbol}</td>`;
      }
      for (const { c } of items) outcomes.add(c.outcome);
      return cell(items, entry.operations === '*');
    });
    const general = entry.operations === '*' ? ' <span class="general">every operation</span>' : '';
    return `<tr data-section="${esc(entry.section)}" data-outcomes="${[...outcomes].join(' ')}"><th class="entry">${esc(entry.id)}${general}</th>${cells.join('')}</tr>`;
  });
  const legend = [...CASE_OUTCOMES, styleOf('not-run'), styleOf('not-documented')]
    .map(
      (s) =>
        `<span class="legend"><span class="swatch o-${s.id}">${s.symbol || '&nbsp;'}</span> ${esc(s.label)}</span>`,
    )
    .join(' ');
  return `<section id="matrix"><h2>Matrix: entries × operations</h2>
<p>${legend}</p>
<p class="note">A number before a symbol counts cases; a general row shows, per operation, how many cases had each outcome. Click a red or amber cell for its evidence.</p>
<table class="matrix"><thead><tr><th></th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

/** One documented pair: the worst outcome colours the cell; general rows list every outcome's count. */
function cell(items: readonly Indexed[], general: boolean): string {
  const outcomes = items.map(({ c }) => c.outcome);
  const worst = combine(outcomes);
  const counts = CASE_OUTCOMES.map((s) => ({ s, n: outcomes.filter((o) => o === s.id).length })).filter((x) => x.n > 0);
  const text =
    general || counts.length > 1
      ? counts.map(({ s, n }) => `${n}${s.symbol}`).join(' ')
      : `${items.length > 1 ? items.length : ''}${styleOf(worst).symbol}`;
  const title = counts.map(({ s, n }) => `${n} ${s.id}`).join(', ');
  const target = items.find(({ c }) => c.outcome === worst && worst !== 'pass');
  const content = target ? `<a href="#${caseAnchor(target.index)}">${text}</a>` : text;
  return `<td class="o-${worst}" title="${esc(title)}">${content}</td>`;
}
