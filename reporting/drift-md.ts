// reports/drift.md: the drift section of results.json for people (a PR comment, a wiki page, a CI summary).
// Long lists of pairs are grouped by reason, so a filtered run does not print two hundred lines of "not run".

import type { Drift, NotExercised } from './drift.ts';
import { plainDiff } from './message-diff.ts';
import type { RunResults } from './results.ts';

export function driftMarkdown(results: RunResults): string {
  const { drift, run } = results;
  const lines = [
    '# Drift between the documented error contract and the target',
    '',
    `Target ${run.target} (${run.base_url_host}), seed ${run.seed}, started ${run.started_at}.`,
    `${drift.undocumented.length} undocumented answers, ${drift.message_drift.length} documented messages that differ, ` +
      `${drift.never_exercised.entries.length} entries and ${drift.never_exercised.pairs.length} documented pairs not exercised.`,
    '',
    '## Undocumented error answers',
    '',
    'Error answers that match no catalog entry, deduplicated by body (redacted). An answer that is the failure of a',
    'case expecting a documented entry is listed with that failure, not here.',
    '',
    ...(drift.undocumented.length ? undocumentedLines(drift) : ['None.']),
    '',
    '## Documented entries whose observed message differs from the page',
    '',
    ...(drift.message_drift.length ? messageLines(drift) : ['None.']),
    '',
    '## Never exercised in this run',
    '',
    ...notExercisedLines('Entries', drift.never_exercised.entries, (n) => n.entry),
    '',
    ...notExercisedLines('Documented pairs', drift.never_exercised.pairs, (n) => `${n.entry} × ${n.operation}`),
  ];
  return `${lines.join('\n')}\n`;
}

function undocumentedLines(drift: Drift): string[] {
  return drift.undocumented.flatMap((u) => [
    `- **${u.status}** ${u.count}× — ${u.operations.map((o) => `${o.operation} (${o.count})`).join(', ')}`,
    '',
    `  \`\`\`json\n  ${JSON.stringify(u.body)}\n  \`\`\``,
  ]);
}

function messageLines(drift: Drift): string[] {
  return drift.message_drift.flatMap((m) => [
    `- \`${m.entry}\` — seen in ${m.seen_in.join(', ')}`,
    `  - page:     ${inlineCode(m.expected)}`,
    `  - observed: ${inlineCode(m.observed)}`,
    `  - diff:     ${inlineCode(plainDiff(m.expected, m.observed))}`,
  ]);
}

function notExercisedLines(title: string, items: readonly NotExercised[], name: (n: NotExercised) => string): string[] {
  if (items.length === 0) return [`${title}: every one was exercised.`];
  const byReason = new Map<string, string[]>();
  for (const item of items) byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), name(item)]);
  return [
    `${title} (${items.length}):`,
    '',
    ...[...byReason].map(([reason, names]) => `- ${reason} (${names.length}): ${names.map(inlineCode).join(', ')}`),
  ];
}

/** Inline code that survives backticks in the text. */
function inlineCode(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence.split('').reverse().join('')}`;
}
