// npm run bench:wall: the wall time of whole commands as a user starts them, the median of --runs (default 5), one
// after another, and a line per command in bench/results.jsonl with every run's time and the load before and after.
// The figures the goals name: `npm run conformance -- --quiet` (the full built-in-mock run, <= 3 s) and
// `npm test` (<= 60 s). Timed with process.hrtime around each child process, from spawn to exit.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fail, parseCommandArgs, runAsEntry, runCommand } from '../lib/cli.ts';
import { median } from './processes.ts';
import { appendResult, load1, npmCommand } from './record.ts';

/** The project's root, from bench/ or from its compiled copy in dist/bench/. */
const ROOT_URL = new URL(import.meta.url.includes('/dist/bench/') ? '../../' : '../', import.meta.url);

const COMMANDS: Record<string, string[]> = {
  conformance: ['run', 'conformance', '--', '--quiet'],
  test: ['test'],
};

const HELP = `Usage: npm run bench:wall -- [--only conformance|test] [--runs <n>] [--no-record]

  --only <name>   time only this command (default both: ${Object.keys(COMMANDS).join(', ')})
  --runs <n>      runs per command (default 5); the median is recorded
  --no-record     print, do not append to bench/results.jsonl`;

function wallOf(args: string[]): Promise<{ code: number | null; seconds: number }> {
  const started = process.hrtime.bigint();
  const child = spawn('npm', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}

const OPTIONS = { only: { type: 'string' }, runs: { type: 'string' }, 'no-record': { type: 'boolean' } } as const;

const CHECKS = {
  only: {
    valid: (v: string) => v in COMMANDS,
    problem: (v: string) => `--only takes conformance or test (got "${v}")`,
  },
  runs: {
    valid: (v: string) => /^[1-9]\d*$/u.test(v),
    problem: (v: string) => `--runs takes a whole number ≥ 1 (got "${v}")`,
  },
};

/** npm run bench:wall with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('bench:wall', () => wall(argv));
}

async function wall(argv: string[]): Promise<number> {
  const values = parseCommandArgs({ help: HELP, options: OPTIONS, checks: CHECKS }, argv);
  const runs = Number(values.text('runs') ?? 5);
  const only = values.text('only');
  const names = only ? [only] : Object.keys(COMMANDS);
  // What npm ci leaves is a compiled dist/; on older dist/ npm run conformance runs the sources through tsx instead.
  const { distIsFresh } = (await import(
    new URL('build/fresh.mjs', ROOT_URL).href
  )) as typeof import('../build/fresh.mjs');
  if (names.includes('conformance') && !distIsFresh(fileURLToPath(ROOT_URL)))
    fail('dist/ is older than the sources: run npm run build first (npm run conformance would time tsx)', 2);
  for (const name of names) {
    const args = COMMANDS[name] as string[];
    const command = `npm ${args.join(' ')}`;
    const load_before = load1();
    const walls: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await wallOf(args);
      if (run.code !== 0) fail(`${command} exited ${run.code}; nothing recorded`, 1);
      walls.push(Math.round(run.seconds * 100) / 100);
      console.log(`[bench:wall] ${command}: run ${i + 1}: ${walls[i]} s`);
    }
    const line = {
      bench: 'wall',
      command: npmCommand('bench:wall'),
      measured: command,
      runs,
      walls_s: walls,
      median_s: median(walls),
      load_before,
      load_after: load1(),
    };
    console.log(JSON.stringify(line));
    if (!values.flag('no-record')) appendResult(line);
  }
  return 0;
}

await runAsEntry(import.meta.url, main);
