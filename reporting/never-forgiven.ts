// What no accepted list may hide: a target that leaked a secret or card data in an error answer, a run refused
// because it pointed at production, and cards left live. Known deviations never match a leak, a leak never counts as
// pending, and a baseline only ever adds regressions; the production guard refuses before any case runs and cards
// left live end the run with exit 2 (cli/verdict.ts), whatever --baseline, --deviations or --history say.

import type { RunResults } from './results.ts';

/** The mask the harness puts where a secret or card data was (harness/redact.ts). */
const MASK = '****';

interface LeakCase {
  outcome: string;
  repro?: { source: string; response: { status: number; body: unknown } };
}

/** A failing case whose judged error answer carried something the harness had to mask: the target leaked it. */
export function isLeak(c: LeakCase): boolean {
  const response = c.repro?.source === 'faulty' ? c.repro.response : undefined;
  return (
    (c.outcome === 'fail' || c.outcome === 'deviation') &&
    response !== undefined &&
    response.status >= 400 &&
    JSON.stringify(response.body ?? null).includes(MASK)
  );
}

/** One line per problem no deviation, baseline or pending mark can accept. */
export function neverForgiven(results: RunResults): string[] {
  const lines: string[] = [];
  const leaks = results.cases.filter(isLeak);
  if (leaks.length)
    lines.push(
      `${leaks.length} error answers leaked a secret or card data (masked in the reports), e.g. ${leaks[0]?.title}: never accepted as a deviation or pending`,
    );
  const left = results.cleanup?.left.length ?? 0;
  if (left) lines.push(`${left} cards left live on the target: never accepted`);
  return lines;
}
