// The evidence sections of conformance.html: every failure (expected against observed, the character diff of the
// message, the remediation hint, the request, the response and the curl command, all in plain view), then the
// errors grouped by reason, then the skips grouped by the setting that would unlock them.

import type { Catalog } from '../../catalog/load.ts';
import { attemptLines, type ReportedCase, replayCommand } from '../case-text.ts';
import { codePoint, diffableMessages, messageDiff, needsCodePoint, visible } from '../message-diff.ts';
import { groupSkips } from '../skip-groups.ts';
import { caseAnchor, esc } from './escape.ts';

type Indexed = { c: ReportedCase; index: number };

export function failureSection(cases: readonly Indexed[], catalog: Catalog, seed: number): string {
  const failures = cases.filter(({ c }) => c.outcome === 'fail');
  const body = failures.map((f) => failureCard(f, catalog, seed)).join('\n');
  return `<section id="failures"><h2>Failures (${failures.length})</h2>\n${body || '<p>None: every judged case answered as documented.</p>'}</section>`;
}

function failureCard({ c, index }: Indexed, catalog: Catalog, seed: number): string {
  const entry = catalog.entryById.get(c.entry);
  const rows = c.checks
    .map((k) => {
      const messages = diffableMessages(k);
      const key = '<span class="key"><del>only in the page</del> <ins>only in the answer</ins></span>';
      const diff = messages
        ? `<tr><th>diff</th><td colspan="2"><div class="diff">${htmlDiff(...messages)}${key}</div></td></tr>`
        : '';
      const detail = k.detail ? `<div class="detail">${esc(k.detail)}</div>` : '';
      return `<tr><th>${esc(k.check)}</th><td><code>${esc(show(k.expected))}</code></td><td><code>${esc(show(k.got))}</code>${detail}</td></tr>${diff}`;
    })
    .join('');
  const hint = entry
    ? `<p class="hint"><b>Remediation</b> (${esc(entry.remediation.action)}): ${esc(entry.remediation.hint)}</p>`
    : '';
  return `<article class="case o-fail-card" id="${caseAnchor(index)}" data-outcome="fail" data-section="${esc(entry?.section ?? '')}">
<h3><span class="badge o-fail">FAIL</span> ${esc(c.title)}</h3>
<p class="meta">entry <code>${esc(c.entry)}</code> · operation ${esc(c.operation)} · fault: ${esc(c.fault || '(none)')}</p>
<table class="checks"><tr><th>check</th><th>expected (the page)</th><th>observed</th></tr>${rows}</table>
${hint}${reproduction(c, seed)}</article>`;
}

/** The diff as marked-up text: <del> only in the page, <ins> only in the answer, code points where needed. */
export function htmlDiff(expected: string, got: string): string {
  return messageDiff(expected, got)
    .map((part) => {
      if (part.kind === 'same') return esc(part.text);
      const text = [...part.text]
        .map((ch) => (needsCodePoint(ch) ? `${esc(visible(ch))}<span class="cp">${codePoint(ch)}</span>` : esc(ch)))
        .join('');
      return part.kind === 'removed'
        ? `<del title="only in the page">${text}</del>`
        : `<ins title="only in the answer">${text}</ins>`;
    })
    .join('');
}

/** The attempts that errored before the reported one, when the case ran again (harness/run-case.ts). */
function attempts(c: ReportedCase): string {
  const lines = attemptLines(c);
  return lines.length ? `<pre class="attempts">${esc(lines.join('\n'))}</pre>` : '';
}

function reproduction(c: ReportedCase, seed: number): string {
  const replay = `${attempts(c)}<p class="replay"><b>Replay</b> <code>${esc(replayCommand(c, seed))}</code></p>`;
  if (!c.repro) return replay;
  const { request, response, source } = c.repro;
  const query = Object.keys(request.query).length ? `?${new URLSearchParams(request.query)}` : '';
  const sent = request.body === null ? '' : `\n${JSON.stringify(request.body, null, 2)}`;
  return `<div class="repro"><div><b>Request</b> (${esc(source)}) <pre>${esc(`${request.method} ${request.path}${query}${sent}`)}</pre></div>
<div><b>Response</b> <pre>${esc(`${response.status}\n${JSON.stringify(response.body, null, 2)}`)}</pre></div></div>
${replay}<p><b>curl</b> (redacted)</p><pre class="curl">${esc(c.repro.curl)}</pre>`;
}

export function errorSection(cases: readonly Indexed[], catalog: Catalog, seed: number): string {
  const errors = cases.filter(({ c }) => c.outcome === 'error');
  const byReason = new Map<string, Indexed[]>();
  for (const e of errors) byReason.set(e.c.reason, [...(byReason.get(e.c.reason) ?? []), e]);
  const groups = [...byReason]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, members]) => {
      const items = members
        .map(({ c, index }) => {
          const section = catalog.entryById.get(c.entry)?.section ?? '';
          return `<li class="case" id="${caseAnchor(index)}" data-outcome="error" data-section="${esc(section)}">${esc(c.title)}${c.repro ? `<details><summary>request, response and curl</summary>${reproduction(c, seed)}</details>` : attempts(c)}</li>`;
        })
        .join('');
      return `<div class="group"><h3><span class="badge o-error">ERROR</span> ${esc(reason)} <span class="count">(${members.length})</span></h3><ul>${items}</ul></div>`;
    });
  return `<section id="errors"><h2>Errors: the environment failed (${errors.length})</h2>\n${groups.join('\n') || '<p>None.</p>'}</section>`;
}

export function skipSection(cases: readonly Indexed[], catalog: Catalog): string {
  const groups = groupSkips(cases.map(({ c, index }) => ({ ...c, index })));
  const total = groups.reduce((sum, g) => sum + g.cases.length, 0);
  const html = groups.map((g) => {
    const reasons = [...new Set(g.cases.map((c) => c.reason))];
    const items = g.cases
      .map(
        (c) =>
          `<li class="case" id="${caseAnchor(c.index)}" data-outcome="skip" data-section="${esc(catalog.entryById.get(c.entry)?.section ?? '')}">${esc(c.title)}</li>`,
      )
      .join('');
    return `<div class="group"><h3><span class="badge o-skip">SKIP</span> <code>${esc(g.unlock)}</code> unlocks <span class="count">${g.cases.length}</span> ${g.cases.length === 1 ? 'case' : 'cases'}</h3>
<p class="reasons">${reasons.slice(0, 5).map(esc).join('<br>')}${reasons.length > 5 ? `<br>… and ${reasons.length - 5} more reasons` : ''}</p>
<details><summary>the ${g.cases.length} cases</summary><ul>${items}</ul></details></div>`;
  });
  return `<section id="skips"><h2>Skips by the setting that unlocks them (${total})</h2>\n${html.join('\n') || '<p>None.</p>'}</section>`;
}

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}
