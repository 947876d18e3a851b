// npm run compare -- <a/results.json> <b/results.json>: where two runs (say the mock and the sandbox) differ, per
// case and per operation: outcome, status, error body, the precedence observed, success shapes and error kinds.
// Exit codes: 0 no difference, 1 differences listed, 2 bad arguments or unreadable files (one line on stderr).

import { readFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/load.ts';
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
    throw new Error(code === 'ENOENT' ? `${path}: no such file` : `${path}: not a JSON file`);
  }
  const results = parsed as Partial<RunResults>;
  if (!results || !Array.isArray(results.cases) || !results.run)
    throw new Error(`${path}: not a results.json of npm run conformance`);
  return results as RunResults;
}

function main(args: string[]): number {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown || files.length !== 2) {
    console.error(
      `compare: ${unknown ? `unknown option ${unknown}` : 'give exactly two results.json files'} (see npm run compare -- --help)`,
    );
    return 2;
  }
  let a: RunResults;
  let b: RunResults;
  try {
    a = readResults(files[0] as string);
    b = readResults(files[1] as string);
  } catch (error) {
    console.error(`compare: ${(error as Error).message}`);
    return 2;
  }
  const differences = diffResults(loadCatalog(), a, b);
  if (json) console.log(JSON.stringify(differences, null, 2));
  else {
    console.log(
      `compare: a = ${a.run.target} ${a.run.base_url_host} (seed ${a.run.seed}), b = ${b.run.target} ${b.run.base_url_host} (seed ${b.run.seed})`,
    );
    for (const d of differences) console.log(formatDifference(d));
    console.log(`compare: ${differences.length} difference${differences.length === 1 ? '' : 's'}`);
  }
  return differences.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
