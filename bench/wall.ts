// npm run bench:wall: the wall time of whole commands as a user starts them, the median of --runs (default 5), one
// after another, and a line per command in bench/results.jsonl with every run's time and the load before and after.
// The figures the goals name: `npm run conformance -- --quiet` (the full built-in-mock run, <= 3 s) and
// `npm test` (<= 60 s). Timed with process.hrtime around each child process, from spawn to exit.

import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { median } from './processes.ts';
import { appendResult, load1, npmCommand } from './record.ts';

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

async function main(): Promise<number> {
  let values: { only?: string; runs: string; 'no-record': boolean; help: boolean };
  try {
    values = parseArgs({
      options: {
        only: { type: 'string' },
        runs: { type: 'string', default: '5' },
        'no-record': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values as typeof values;
  } catch (error) {
    console.error(`bench:wall: ${(error as Error).message.split('\n')[0]} (see --help)`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const runs = Number(values.runs);
  const names = values.only ? [values.only] : Object.keys(COMMANDS);
  if (!Number.isInteger(runs) || runs < 1 || names.some((n) => !COMMANDS[n])) {
    console.error('bench:wall: --runs takes a whole number >= 1 and --only conformance or test (see --help)');
    return 2;
  }
  for (const name of names) {
    const args = COMMANDS[name] as string[];
    const command = `npm ${args.join(' ')}`;
    const load_before = load1();
    const walls: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await wallOf(args);
      if (run.code !== 0) {
        console.error(`bench:wall: ${command} exited ${run.code}; nothing recorded`);
        return 1;
      }
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
    if (!values['no-record']) appendResult(line);
  }
  return 0;
}

process.exit(await main());
