// Plain-text evidence of a case that did not pass, for JUnit <failure>/<error> bodies (GitLab, Jenkins and the
// GitHub actions show exactly this text): the checks that failed with expected against got, the message diff, the
// remediation hint, the request and response, and how to reproduce it (the run's replay line and a curl command).

import type { Catalog } from '../catalog/load.ts';
import { shellQuote } from '../harness/repro.ts';
import { diffableMessages, plainDiff } from './message-diff.ts';
import type { RunResults } from './results.ts';

export type ReportedCase = RunResults['cases'][number];

/** The command that replays exactly this case with the same seed. */
export function replayCommand(c: ReportedCase, seed: number): string {
  return `UQPAY_SEED=${seed} npm run conformance -- --filter ${shellQuote(c.title)}`;
}

/** One line per failed check with expected against got; a message check adds its character diff. */
export function checkLines(c: ReportedCase): string[] {
  return c.checks.flatMap((k) => {
    const lines = [`  ${k.check}`, `    expected: ${show(k.expected)}`, `    got:      ${show(k.got)}`];
    if (k.detail) lines.push(`    detail:   ${k.detail}`);
    const messages = diffableMessages(k);
    if (messages) lines.push(`    diff:     ${plainDiff(...messages)}   ([-expected only-] {+got only+})`);
    return lines;
  });
}

export function remediationLine(c: ReportedCase, catalog: Catalog): string | null {
  const remediation = catalog.entryById.get(c.entry)?.remediation;
  return remediation ? `remediation (${remediation.action}): ${remediation.hint}` : null;
}

/** The attempts that errored before the reported one (harness/run-case.ts), one line each; none when there were none. */
export function attemptLines(c: ReportedCase): string[] {
  const earlier = c.earlier_attempts ?? [];
  if (earlier.length === 0) return [];
  return [
    `attempt ${earlier.length + 1} of ${earlier.length + 1}; the environment failed on the earlier ones:`,
    ...earlier.map((a, i) => `  attempt ${i + 1}: ${a.outcome}: ${a.reason.split('\n')[0]}`),
  ];
}

/** The body of a <failure> or <error>: everything a reader needs without opening another file. */
export function caseEvidence(c: ReportedCase, catalog: Catalog, seed: number): string {
  const entry = catalog.entryById.get(c.entry);
  const expected = [c.expected.status, c.expected.type, c.expected.code].filter((v) => v !== null).join(' ');
  const lines = [
    `${c.title}`,
    `entry ${c.entry} (${expected}) on ${c.operation} — fault: ${c.fault || '(none)'}`,
    c.outcome === 'fail' ? 'the contract broke:' : `the environment failed: ${c.reason}`,
  ];
  lines.push(...attemptLines(c));
  if (c.checks.length) lines.push(...checkLines(c));
  if (entry && c.outcome === 'fail') lines.push(remediationLine(c, catalog) ?? '');
  if (c.repro) {
    const { request, response, source } = c.repro;
    const query = Object.keys(request.query).length ? `?${new URLSearchParams(request.query)}` : '';
    lines.push(
      `request (${source === 'faulty' ? 'the faulty request' : `the ${source} request`}): ${request.method} ${request.path}${query}`,
    );
    if (request.body !== null) lines.push(`  body: ${JSON.stringify(request.body)}`);
    lines.push(`response: ${response.status} ${JSON.stringify(response.body)}`);
  }
  lines.push(`reproduce: ${replayCommand(c, seed)}`);
  if (c.repro) lines.push('curl (redacted):', ...c.repro.curl.split('\n').map((l) => `  ${l}`));
  return lines.filter((l) => l !== '').join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}
