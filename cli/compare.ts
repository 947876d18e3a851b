// npm run compare -- <a/results.json> <b/results.json>: where two runs (say the mock and the sandbox) differ, per
// case and per operation: outcome, status, error body, the precedence observed, success shapes and error kinds.
// Exit codes: 0 no difference, 1 differences listed, 2 bad arguments or unreadable files (one line on stderr).

import { readFileSync } from 'node:fs';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { fail, parseCommandArgs, runAsEntry, runCommand, UsageError } from '../lib/cli.ts';
import { diffResults, formatDifference } from '../reporting/diff-results.ts';
import type { RunResults } from '../reporting/results.ts';

const HELP = `Usage: npm run compare -- <a results.json> <b results.json> [--json]

Lists where two conformance runs differ, e.g. the mock's run (a) and the sandbox's (b):
  case <title> · outcome | status | error body | precedence   (the entry the answer matched)
  operation <name> · success shape | error kinds | missing
Values that legitimately differ between runs (ids, times, filled-in template values) are not differences.

Options:
  --json       print the differences as JSON
  -h, --help   show this help

Exit codes: 0 no difference, 1 differences, 2 bad arguments or files.`;

function readResults(path: string): RunResults {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${path}: no such file` : `${path}: not a JSON file`);
  }
  const results = parsed as Partial<RunResults>;
  if (!results || !Array.isArray(results.cases) || !results.run)
    fail(`${path}: not a results.json of npm run conformance`);
  return results as RunResults;
}

/** npm run compare with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('compare', () => compare(argv), [CatalogError]);
}

function compare(argv: string[]): number {
  const args = parseCommandArgs({ help: HELP, options: { json: { type: 'boolean' } }, positionals: true }, argv);
  if (args.positionals.length !== 2) throw new UsageError('give exactly two results.json files');
  const [a, b] = args.positionals.map(readResults) as [RunResults, RunResults];
  const differences = diffResults(loadCatalog(), a, b);
  if (args.flag('json')) console.log(JSON.stringify(differences, null, 2));
  else {
    console.log(
      `compare: a = ${a.run.target} ${a.run.base_url_host} (seed ${a.run.seed}), b = ${b.run.target} ${b.run.base_url_host} (seed ${b.run.seed})`,
    );
    for (const d of differences) console.log(formatDifference(d));
    console.log(`compare: ${differences.length} difference${differences.length === 1 ? '' : 's'}`);
  }
  return differences.length ? 1 : 0;
}

await runAsEntry(import.meta.url, main);
