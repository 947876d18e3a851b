// npm run replay: what became of each failed or errored case of an earlier run when sent again with the same seed
// and target settings — FIXED, STILL FAILING, STILL ERRORED, or another outcome now (skipped, not run).

import type { RunResults } from './results.ts';

export type ReplayVerdict =
  | 'FIXED'
  | 'STILL FAILING'
  | 'STILL ERRORED'
  | 'NOW FAILING'
  | 'NOW ERRORED'
  | 'NOW SKIPPED'
  | 'NOT RUN';

/** The titles of an earlier run's cases worth re-sending: those that failed or errored. */
export function casesToReplay(earlier: RunResults): string[] {
  return earlier.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error').map((c) => c.title);
}

export interface ReplayLine {
  title: string;
  was: string;
  verdict: ReplayVerdict;
  reason: string;
}

export function replayVerdicts(earlier: RunResults, now: RunResults): ReplayLine[] {
  const current = new Map(now.cases.map((c) => [c.title, c]));
  return earlier.cases
    .filter((c) => c.outcome === 'fail' || c.outcome === 'error')
    .map((before) => {
      const after = current.get(before.title);
      const verdict = verdictOf(before.outcome, after?.outcome);
      return { title: before.title, was: before.outcome, verdict, reason: after?.reason ?? 'not run by the replay' };
    });
}

function verdictOf(was: string, now: string | undefined): ReplayVerdict {
  if (now === undefined) return 'NOT RUN';
  if (now === 'pass') return 'FIXED';
  if (now === 'fail' || now === 'deviation') return was === 'fail' ? 'STILL FAILING' : 'NOW FAILING';
  if (now === 'error') return was === 'error' ? 'STILL ERRORED' : 'NOW ERRORED';
  return 'NOW SKIPPED';
}

/** One line per case, then the tally: "replay: 3 FIXED, 1 STILL FAILING of 4 cases (1,234 requests then, 12 now)". */
export function describeReplay(lines: readonly ReplayLine[], earlier: RunResults, now: RunResults): string[] {
  const width = Math.max(...lines.map((l) => l.verdict.length));
  const out = lines.map(
    (l) => `  ${l.verdict.padEnd(width)}  ${l.title}${l.verdict === 'FIXED' ? '' : `: ${l.reason.split('\n')[0]}`}`,
  );
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.verdict, (counts.get(l.verdict) ?? 0) + 1);
  const tally = [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
  return [
    `replay of ${lines.length} failed or errored cases (seed ${earlier.run.seed}): ${tally}; ` +
      `${now.run.requests} requests (the earlier run sent ${earlier.run.requests})`,
    ...out,
  ];
}
