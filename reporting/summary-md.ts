// The Markdown summary for where people look: the GitHub job page ($GITHUB_STEP_SUMMARY, appended) and any file
// named with --summary-md (a GitLab MR note, a chat message). The verdict, the coverage figures with a bar per
// section, the failure clusters, the first failures with their message diff, and the settings that would unlock
// the most skipped pairs. GitHub refuses a step summary over 1 MiB and shows at most 64 KB of it nicely; every list
// is capped and the whole is cut at SUMMARY_MD_LIMIT bytes, whatever the number of failures.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { plural } from './contract-summary.ts';
import { type Coverage, type CoverageCounts, gapGroups } from './coverage.ts';
import { diffableMessages, plainDiff } from './message-diff.ts';
import type { RunResults } from './results.ts';
import { tally } from './summary.ts';

export const SUMMARY_MD_LIMIT = 60_000;
const MAX_CLUSTERS = 15;
const MAX_FAILURES = 10;
const MAX_UNLOCKS = 10;
const MAX_LINE = 400;

export interface SummaryContext {
  /** The exit code the run ends with, and lines from the gates (baseline, --min-coverage, pending, deviations). */
  exitCode: number;
  gateLines: readonly string[];
}

export function summaryMarkdown(results: RunResults, context: SummaryContext): string {
  const sections = [
    verdictPart(results, context),
    coveragePart(results.coverage),
    clustersPart(results),
    failuresPart(results),
    unlockPart(results.coverage),
  ].filter((s) => s !== '');
  return capped(`${sections.join('\n\n')}\n`);
}

function verdictPart(results: RunResults, { exitCode, gateLines }: SummaryContext): string {
  const word = exitCode === 0 ? 'PASS' : exitCode === 1 ? 'FAIL' : 'ERROR';
  const { run, summary } = results;
  const lines = [
    `## UQPAY error-contract conformance: ${word} (exit ${exitCode})`,
    '',
    `Target **${run.target}** (${cell(run.base_url_host)}) · seed \`${run.seed}\` · ${run.requests} requests · ${(run.duration_ms / 1000).toFixed(1)} s${run.selection ? ` · selection \`${cell(run.selection)}\`` : ''}`,
    '',
    `- cases: ${summary.cases.total} total: ${tally(summary.cases)}`,
    `- documented pairs: ${summary.pairs.total} total: ${tally(summary.pairs)}`,
    ...gateLines.map((l) => `- ${cut(l.trim())}`),
  ];
  return lines.join('\n');
}

function bar(c: CoverageCounts): string {
  const width = 20;
  const full = c.total ? Math.round((c.conformant / c.total) * width) : 0;
  return `\`${'█'.repeat(full)}${'░'.repeat(width - full)}\``;
}

function coveragePart(coverage: Coverage | undefined): string {
  if (!coverage) return '';
  const row = (name: string, c: CoverageCounts) =>
    `| ${name} | ${bar(c)} ${c.percent} % | ${c.conformant} | ${c.wrong} | ${c.not_provokable} | ${c.not_run} | ${c.total} |`;
  return [
    `### Coverage: ${coverage.pairs.percent} % of documented pairs conformant`,
    '',
    `Entries: ${coverage.entries.conformant} of ${coverage.entries.total} conformant (${coverage.entries.percent} %).`,
    '',
    '| section | conformant | ✓ | ✗ wrong | not provokable | not run | pairs |',
    '| --- | --- | --: | --: | --: | --: | --: |',
    row('**all**', coverage.pairs),
    ...Object.entries(coverage.sections).map(([section, c]) => row(section, c)),
  ].join('\n');
}

function clustersPart(results: RunResults): string {
  const clusters = results.clusters ?? [];
  if (clusters.length === 0) return '';
  const rows = clusters
    .slice(0, MAX_CLUSTERS)
    .map(
      (c) =>
        `${c.count} | \`${cell(c.signature)}\` | ${c.entries.length} | ${c.operations.length} | ${cell(c.example.title)} |`,
    );
  const more =
    clusters.length > MAX_CLUSTERS
      ? `\n\n… and ${clusters.length - MAX_CLUSTERS} more clusters (results.json \`clusters\`).`
      : '';
  return (
    [
      `### Failure clusters (${clusters.length}): failures that share a cause`,
      '',
      '| failures | signature | entries | operations | example |',
      '| --: | --- | --: | --: | --- |',
      ...rows.map((r) => `| ${cut(r)}`),
    ].join('\n') + more
  );
}

function failuresPart(results: RunResults): string {
  const failures = results.cases.filter((c) => c.outcome === 'fail');
  if (failures.length === 0) return '';
  const items = failures.slice(0, MAX_FAILURES).map((c) => {
    const message = c.checks.map(diffableMessages).find((m) => m !== null);
    // A character diff of long texts costs quadratic time; past MAX_LINE the line would be cut anyway.
    const short = message && message[0].length <= MAX_LINE && message[1].length <= MAX_LINE ? message : null;
    const diff = short ? `\n  \`\`\`\n  ${cut(plainDiff(...short))}\n  \`\`\`` : '';
    return `- ✗ **${cell(c.title)}**: ${cut(cell(c.reason.split('\n')[0] ?? ''))}${diff}`;
  });
  const more =
    failures.length > MAX_FAILURES
      ? `\n\n… and ${failures.length - MAX_FAILURES} more failing cases (conformance.html, results.json).`
      : '';
  return (
    [`### First failures (${Math.min(MAX_FAILURES, failures.length)} of ${failures.length})`, '', ...items].join('\n') +
    more
  );
}

function unlockPart(coverage: Coverage | undefined): string {
  if (!coverage) return '';
  const groups = gapGroups(coverage).filter((g) => g.label.startsWith('need ') || g.label.startsWith('only the'));
  if (groups.length === 0) return '';
  return [
    '### Settings that would unlock the most skipped pairs',
    '',
    ...groups.slice(0, MAX_UNLOCKS).map((g) => `- ${plural(g.pairs, 'pair', 'pairs')}: ${cell(g.label)}`),
  ].join('\n');
}

/** Text in a table cell or a list item: no pipe, no line break. */
function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/[\r\n]+/gu, ' ');
}

function cut(text: string): string {
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text;
}

/** The last guard: cut at a line boundary under the limit, and say so. */
function capped(markdown: string): string {
  if (Buffer.byteLength(markdown) <= SUMMARY_MD_LIMIT) return markdown;
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let size = 200;
  for (const line of lines) {
    size += Buffer.byteLength(line) + 1;
    if (size > SUMMARY_MD_LIMIT) break;
    kept.push(line);
  }
  return `${kept.join('\n')}\n\n… summary cut at ${SUMMARY_MD_LIMIT} bytes; the reports hold everything.\n`;
}

/** Appends to $GITHUB_STEP_SUMMARY and writes --summary-md; returns the paths written. */
export function writeSummaryMarkdown(
  markdown: string,
  targets: { stepSummary: string | undefined; file: string | null },
): string[] {
  const written: string[] = [];
  if (targets.stepSummary) {
    appendFileSync(targets.stepSummary, markdown);
    written.push(targets.stepSummary);
  }
  if (targets.file) {
    mkdirSync(dirname(targets.file), { recursive: true });
    writeFileSync(targets.file, markdown);
    written.push(targets.file);
  }
  return written;
}
