// The trend over nights: --history <file.jsonl> gets one line per run (time, target, seed, catalog hash, and the
// counts per outcome, per entry and per section), which the HTML report draws (reporting/trend-svg.ts). The file is
// a ledger the CI carries from night to night, not a report of this run, so it is appended here, not rewritten.

import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../catalog/load.ts';
import { type CaseOutcome, combine, pairKey, type RunResults, type Totals, totals } from './results.ts';

export interface HistoryLine {
  time: string;
  target: string;
  seed: number;
  catalog_sha256: string;
  selection?: string;
  cases: Totals;
  /** Each entry's combined outcome in this run. */
  entries: Record<string, CaseOutcome>;
  /** Each documented pair's combined outcome ("<entry>|<operation>", general rows "<entry>|*"); absent in older lines. */
  pairs?: Record<string, CaseOutcome>;
  sections: Record<string, Totals>;
}

export class HistoryError extends Error {}

export function historyLine(results: RunResults, catalog: Catalog): HistoryLine {
  const bySection = new Map<string, CaseOutcome[]>();
  const byPair = new Map<string, CaseOutcome[]>();
  for (const c of results.cases) {
    byPair.set(pairKey(catalog, c), [...(byPair.get(pairKey(catalog, c)) ?? []), c.outcome]);
    const section = catalog.entryById.get(c.entry)?.section ?? 'unknown';
    bySection.set(section, [...(bySection.get(section) ?? []), c.outcome]);
  }
  return {
    time: results.run.started_at,
    target: results.run.target,
    seed: results.run.seed,
    catalog_sha256: results.run.catalog_sha256,
    ...(results.run.selection ? { selection: results.run.selection } : {}),
    cases: results.summary.cases,
    entries: Object.fromEntries(results.entries.map((e) => [e.id, e.outcome])),
    pairs: Object.fromEntries([...byPair].map(([pair, outcomes]) => [pair, combine(outcomes)])),
    sections: Object.fromEntries([...bySection].map(([section, outcomes]) => [section, totals(outcomes)])),
  };
}

/** The runs recorded so far, oldest first; a missing file is an empty history. */
export function readHistory(file: string): HistoryLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new HistoryError(`cannot read the history file ${file}: ${(error as Error).message}`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        const parsed = JSON.parse(line) as HistoryLine;
        if (typeof parsed.time !== 'string' || typeof parsed.entries !== 'object') throw new Error('not a run');
        return parsed;
      } catch (error) {
        throw new HistoryError(
          `the history file ${file}, line ${i + 1}, is not a run line: ${(error as Error).message}`,
        );
      }
    });
}

/** Checks the file can be appended to, before any request is sent. */
export function checkHistoryWritable(file: string): void {
  readHistory(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, '');
  } catch (error) {
    throw new HistoryError(`cannot write the history file ${file}: ${(error as Error).message}`);
  }
}

export function appendHistory(file: string, line: HistoryLine): void {
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}
