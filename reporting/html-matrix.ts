// reports/matrix.html: the coverage matrix for people. One row per catalog entry, one column per operation; each
// cell is the combined outcome of that documented pair, with the reason on hover. Self-contained, no scripts.

import type { Catalog } from '../catalog/load.ts';
import { type CaseOutcome, combine, pairKey, type RunResults } from './results.ts';

const SYMBOL: Record<CaseOutcome, string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  skip: '–',
  deviation: '≈',
  not_applicable: 'n/a',
};
const COLOR: Record<CaseOutcome, string> = {
  pass: '#d7f5dd',
  fail: '#ffd1d1',
  error: '#ffe7b3',
  skip: '#e8e8e8',
  deviation: '#dfe6ff',
  not_applicable: '#f4f4f4',
};

/** extraHtml: sections placed after the summary (the trend over nights from reporting/trend-svg.ts). */
export function htmlMatrix(results: RunResults, catalog: Catalog, extraHtml = ''): string {
  const columns = [
    { name: '*', label: 'every operation (general rows)' },
    ...catalog.operations.map((o) => ({ name: o.name, label: o.name })),
  ];
  const cells = new Map<string, { outcomes: CaseOutcome[]; reasons: string[] }>();
  for (const c of results.cases) {
    const key = pairKey(catalog, c);
    const cell = cells.get(key) ?? { outcomes: [], reasons: [] };
    cell.outcomes.push(c.outcome);
    if (c.reason) cell.reasons.push(`${c.fault}: ${c.outcome} — ${c.reason}`);
    if (c.deviation) cell.reasons.push(`known deviation until ${c.deviation.expires}: ${c.deviation.reason}`);
    cells.set(key, cell);
  }
  const head = columns.map((c) => `<th><div>${esc(c.label)}</div></th>`).join('');
  const rows = catalog.entries
    .map((entry) => {
      const tds = columns.map((col) => {
        const documented = entry.operations === '*' ? col.name === '*' : entry.operations.includes(col.name);
        if (!documented) return '<td class="n"></td>';
        const cell = cells.get(entry.operations === '*' ? `${entry.id}|*` : `${entry.id}|${col.name}`);
        if (!cell) return '<td class="nr" title="not run">·</td>';
        const outcome = combine(cell.outcomes);
        const title = cell.reasons.join('\n') || `${cell.outcomes.length} case(s) passed`;
        return `<td style="background:${COLOR[outcome]}" title="${esc(title)}">${SYMBOL[outcome]}</td>`;
      });
      return `<tr><th class="e">${esc(entry.id)}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  const s = results.summary;
  const line = (name: string, t: typeof s.cases) =>
    `<li>${name}: ${t.total} — ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped` +
    `${t.deviations ? `, ${t.deviations} known deviations` : ''}${t.not_applicable ? `, ${t.not_applicable} not applicable on this target` : ''}</li>`;
  const undocumented = results.undocumented
    .map(
      (u) =>
        `<li>${esc(u.seen_in)} (${esc(u.operation)}): ${u.status} <code>${esc(JSON.stringify(u.body))}</code></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>UQPAY error-contract conformance</title>
<style>
body{font:13px system-ui,sans-serif;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 4px;text-align:center}
th div{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}th.e{text-align:left;font-weight:normal;font-family:monospace}
td.n{background:#fafafa}td.nr{background:#fff}code{font-size:12px}
</style></head><body>
<h1>UQPAY Card Issuance error-contract conformance</h1>
<p>Target <b>${esc(results.run.target)}</b> (${esc(results.run.base_url_host)}), seed <b>${results.run.seed}</b>,
started ${esc(results.run.started_at)}, ${(results.run.duration_ms / 1000).toFixed(1)} s, ${results.run.requests} requests,
catalog ${esc(results.run.catalog_sha256.slice(0, 12))}.</p>
<ul>${line('Entries', s.entries)}${line('Documented pairs', s.pairs)}${line('Cases', s.cases)}</ul>
${extraHtml}
<p>✓ pass · ✗ fail (contract broken) · ! error (environment) · – skip · ≈ known deviation · n/a not applicable on this target · blank: not documented · “·”: not run. Hover a cell for reasons.</p>
<table><thead><tr><th></th>${head}</tr></thead><tbody>
${rows}
</tbody></table>
<h2>Undocumented error answers (${results.undocumented.length})</h2>
<ul>${undocumented || '<li>none</li>'}</ul>
</body></html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
