// What npm run conformance prints: progress lines while it runs (done/total, elapsed, time left) and, at the end,
// a summary a person can act on: the totals, the failing cases (up to 20, then a count), the errors by reason, the
// skips grouped by the setting that would unlock them, the drift counts and the report files.

import { contractLines } from './contract-summary.ts';
import { diffableMessages, plainDiff } from './message-diff.ts';
import type { RunResults, Totals } from './results.ts';
import { groupSkips } from './skip-groups.ts';

export const MAX_LISTED_FAILURES = 20;

export function tally(
  t: Pick<Totals, 'passed' | 'failed' | 'errored' | 'skipped'> & Partial<Pick<Totals, 'deviations' | 'not_applicable'>>,
): string {
  return (
    `${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped` +
    `${t.deviations ? `, ${t.deviations} known deviations` : ''}${t.not_applicable ? `, ${t.not_applicable} not applicable` : ''}`
  );
}

/**
 * "[conformance] 150/596 cases · 12 s elapsed · about 35 s left — 148 passed, …". The time left is projected from
 * judgingMs, the time spent on cases so far (start-up excluded), when the caller knows it.
 */
export function progressLine(done: number, total: number, elapsedMs: number, counts: string, judgingMs = elapsedMs) {
  const of = total > 0 ? `${done}/${total}` : `${done}`;
  const left = total > done && done > 0 ? ` · about ${duration((judgingMs / done) * (total - done))} left` : '';
  return `[conformance] ${of} cases · ${duration(elapsedMs)} elapsed${left} — ${counts}`;
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function runSummary(results: RunResults, reportsDir: string, files: readonly string[]): string {
  const { entries, pairs, cases } = results.summary;
  const line = (name: string, t: Totals) => `  ${name.padEnd(8)} ${t.total} total: ${tally(t)}`;
  const lines = [
    'conformance summary:',
    line('entries', entries),
    line('pairs', pairs),
    line('cases', cases),
    `  ${results.run.requests} requests in ${(results.run.duration_ms / 1000).toFixed(1)} s · seed ${results.run.seed}`,
    ...contractLines(results),
    ...retryLines(results),
    ...failureLines(results),
    ...errorLines(results),
    ...skipLines(results),
  ];
  const { drift } = results;
  if (drift.undocumented.length || drift.message_drift.length) {
    lines.push(
      `drift: ${drift.undocumented.length} undocumented error answers, ` +
        `${drift.message_drift.length} documented messages differ from the page (see ${reportsDir}/drift.md)`,
    );
  }
  lines.push(`reports: ${files.map((f, i) => (i === 0 ? `${reportsDir}/${f}` : f)).join(', ')}`);
  return lines.join('\n');
}

/** Cases that ran again after an environment failure, and how many passed only then (flaky). */
function retryLines(results: RunResults): string[] {
  const retried = results.cases.filter((c) => c.earlier_attempts?.length).length;
  if (retried === 0) return [];
  return [
    `  ${retried} cases ran again after an environment failure; ${results.summary.flaky ?? 0} passed only then (flaky)`,
  ];
}

function failureLines(results: RunResults): string[] {
  const failures = results.cases.filter((c) => c.outcome === 'fail');
  if (failures.length === 0) return [];
  const lines = [`failing cases (${failures.length}):`];
  for (const c of failures.slice(0, MAX_LISTED_FAILURES)) {
    lines.push(`  ✗ ${c.title}: ${short(c.reason)}`);
    const message = c.checks.map(diffableMessages).find((m) => m !== null);
    if (message) lines.push(`      diff: ${plainDiff(...message)}`);
  }
  if (failures.length > MAX_LISTED_FAILURES) {
    lines.push(`  … and ${failures.length - MAX_LISTED_FAILURES} more failing cases (see conformance.html)`);
  }
  return lines;
}

function errorLines(results: RunResults): string[] {
  const byReason = new Map<string, number>();
  for (const c of results.cases) if (c.outcome === 'error') byReason.set(c.reason, (byReason.get(c.reason) ?? 0) + 1);
  if (byReason.size === 0) return [];
  const sorted = [...byReason].sort((a, b) => b[1] - a[1]);
  const lines = [`errored cases by reason (${results.summary.cases.errored}):`];
  for (const [reason, n] of sorted.slice(0, MAX_LISTED_FAILURES)) lines.push(`  ! ${n} × ${short(reason)}`);
  if (sorted.length > MAX_LISTED_FAILURES) lines.push(`  … and ${sorted.length - MAX_LISTED_FAILURES} more reasons`);
  return lines;
}

function skipLines(results: RunResults): string[] {
  const groups = groupSkips(results.cases);
  if (groups.length === 0) return [];
  const width = Math.min(48, Math.max(...groups.map((g) => g.unlock.length)));
  return [
    `skipped cases by the setting that unlocks them (${results.summary.cases.skipped}):`,
    ...groups.map((g) => `  ${short(g.unlock).padEnd(width)} ${g.cases.length}`),
  ];
}

function short(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
