// The one writer of bench/results.jsonl: every line names the command that measured it, its date, the machine
// (Node, cores) and its 1-minute load average before (and, where given, after) the measurement, so each figure a
// README quotes can be traced to a line (test/bench/readme-figures.test.ts).

import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/** bench/results.jsonl in the project, whether this runs from the sources or from dist/bench/. */
export const RESULTS_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith('.js') ? '../../bench/results.jsonl' : './results.jsonl', import.meta.url),
);

export const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** How the user started this benchmark: `npm run <script> -- <its arguments>`. */
export function npmCommand(script: string, args: readonly string[] = process.argv.slice(2)): string {
  return `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

export interface ResultLine {
  bench: string;
  command: string;
  load_before: number;
  [field: string]: unknown;
}

export function appendResult(line: ResultLine, file = RESULTS_FILE): void {
  const full = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, ...line };
  appendFileSync(file, `${JSON.stringify(full)}\n`);
}
