// reports/conformance.html: one self-contained page (no network, one small inline script) that puts what broke
// first. A verdict banner with the counts, the coverage and the failure clusters, then every failure with its evidence in plain view, then the errors, the
// skips grouped by the setting that unlocks them, the matrix with filters, and the drift summary.

import type { Catalog } from '../../catalog/load.ts';
import type { RunResults, Totals } from '../results.ts';
import { errorSection, failureSection, skipSection } from './cases.ts';
import { clusterSection, coverageSection } from './clusters.ts';
import { esc } from './escape.ts';
import { matrixSection } from './matrix.ts';
import { CASE_OUTCOMES, styleOf } from './outcomes.ts';
import { FILTER_SCRIPT } from './script.ts';
import { pageCss } from './style.ts';

/** The page; trend is the inline SVG of earlier runs (reporting/trend-svg.ts), empty without --history. */
export function conformancePage(results: RunResults, catalog: Catalog, trend = ''): string {
  const cases = results.cases.map((c, index) => ({ c, index }));
  const { run } = results;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(verdictOf(results.summary.cases).toUpperCase())} · UQPAY error-contract conformance</title>
<style>${pageCss()}</style></head><body>
<h1>UQPAY Card Issuance error-contract conformance</h1>
<p class="facts">Target <b>${esc(run.target)}</b> (${esc(run.base_url_host)}) · seed <b>${run.seed}</b> · started ${esc(run.started_at)} ·
${(run.duration_ms / 1000).toFixed(1)} s · ${run.requests} requests · catalog ${esc(run.catalog_sha256.slice(0, 12))}</p>
${banner(results)}
${coverageSection(results.coverage)}
${clusterSection(results)}
${filters(catalog)}
${failureSection(cases, catalog, run.seed)}
${errorSection(cases, catalog, run.seed)}
${skipSection(cases, catalog)}
${matrixSection(cases, catalog)}
${trend}
${driftSection(results)}
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}

export function verdictOf(cases: Totals): 'fail' | 'error' | 'pass' {
  if (cases.failed > 0) return 'fail';
  if (cases.errored > 0) return 'error';
  return 'pass';
}

const VERDICT_WORDS = {
  fail: 'the contract is broken',
  error: 'the environment failed: some cases could not be judged',
  pass: 'every judged case answered as documented',
};

/** The counts carry data-count="<level>.<field>" so a test can compare them with results.json. */
function banner(results: RunResults): string {
  const verdict = verdictOf(results.summary.cases);
  const count = (level: Level, field: keyof Totals) =>
    `<b data-count="${level}.${field}">${results.summary[level][field]}</b>`;
  const line = (level: Level, name: string) =>
    `${name}: ${count(level, 'total')} — ${count(level, 'passed')} passed, ${count(level, 'failed')} failed, ` +
    `${count(level, 'errored')} errored, ${count(level, 'skipped')} skipped, ` +
    `${count(level, 'deviations')} known deviations, ${count(level, 'not_applicable')} not applicable`;
  const c = (field: keyof Totals, label: string) => `<span>${count('cases', field)} ${label}</span>`;
  return `<div class="verdict o-${verdict}" id="verdict" data-verdict="${verdict}">
<span class="word">${verdict.toUpperCase()}</span><span>${esc(VERDICT_WORDS[verdict])}</span>
<div class="counts">${c('total', 'cases')}${c('failed', 'failed')}${c('errored', 'errored')}${c('skipped', 'skipped')}${c('deviations', 'known deviations')}${c('not_applicable', 'not applicable')}${c('passed', 'passed')}</div>
<div class="sub">${line('entries', 'Entries')}<br>${line('pairs', 'Documented pairs')}${flakyLine(results)}</div></div>`;
}

type Level = 'entries' | 'pairs' | 'cases';

/** Cases that passed only after an environment failure made them run again (harness/run-case.ts). */
function flakyLine(results: RunResults): string {
  const flaky = results.summary.flaky ?? 0;
  const retried = results.cases.filter((c) => c.earlier_attempts?.length).length;
  if (retried === 0) return '';
  return `<br>Retried after an environment failure: ${retried} cases, <b data-count="flaky">${flaky}</b> passed only after a retry (flaky)`;
}

function filters(catalog: Catalog): string {
  const boxes = [...CASE_OUTCOMES, styleOf('not-run')]
    .map(
      (s) =>
        `<label><input type="checkbox" name="outcome" value="${s.id}" checked> <span class="badge o-${s.id}">${s.symbol}</span> ${esc(s.label)}</label>`,
    )
    .join('');
  const sections = [...new Set(catalog.entries.map((e) => e.section))]
    .map((s) => `<option value="${esc(s)}">${esc(s)}</option>`)
    .join('');
  return `<form class="filters" id="filters"><b>Show</b> ${boxes} <label>section <select name="section"><option value="">all</option>${sections}</select></label></form>`;
}

function driftSection(results: RunResults): string {
  const { drift } = results;
  const answers = drift.undocumented
    .map(
      (u) =>
        `<li>${u.status} ×${u.count} in ${esc(u.operations.map((o) => `${o.operation} (${o.count})`).join(', '))}<pre>${esc(JSON.stringify(u.body))}</pre></li>`,
    )
    .join('');
  const messages = drift.message_drift
    .map(
      (m) =>
        `<li><code>${esc(m.entry)}</code>: page <code>${esc(JSON.stringify(m.expected))}</code>, observed <code>${esc(JSON.stringify(m.observed))}</code></li>`,
    )
    .join('');
  return `<section id="drift"><h2>Drift (details in drift.md)</h2>
<p>${drift.undocumented.length} undocumented answers · ${drift.message_drift.length} documented messages that differ from the page ·
${drift.never_exercised.entries.length} entries and ${drift.never_exercised.pairs.length} documented pairs not exercised in this run.</p>
${answers ? `<h3>Undocumented error answers</h3><ul>${answers}</ul>` : ''}${messages ? `<h3>Messages that differ from the page</h3><ul>${messages}</ul>` : ''}</section>`;
}
