// Throughput of a full npm run fuzz on the built-in mock, as a user runs it: spawns `npm run fuzz -- --quiet`
// (every property, default run counts, the built-in mock) --repeat times, reads each run's reports/fuzz.json, and
// prints cases/s (cases judged ÷ the run's own duration, as fuzz.json and the console summary give it) and the wall
// time of the whole command, start-up included. Appends one line to bench/results.jsonl with the command, the date,
// the load before and after, the commit and the median (the bare-loop comparison is bench/fuzz-bare.ts). On a shared
// machine the wall-clock figure follows the load; each run's CPU time (user + system of the whole command, every
// thread, from /proc: Linux only) and cases per CPU-second follow the work done, and the load barely moves them.
//
//   npm run bench:fuzz -- [--repeat 3] [--seed 1] [--no-record]

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs } from '../lib/cli.ts';
import { appendResult, load1, npmCommand } from './record.ts';

/** What each repetition runs; the line's `command` is how this bench itself was started. */
const COMMAND = 'npm run fuzz -- --quiet';

const HELP = `Usage: npm run bench:fuzz -- [--repeat 3] [--seed 1] [--no-record]

Spawns npm run fuzz -- --quiet --repeat times and records the median cases/s and wall time; one line in
bench/results.jsonl.`;

const args = scriptArgs('bench:fuzz', HELP, {
  repeat: { type: 'string', default: '3' },
  seed: { type: 'string', default: '1' },
  'no-record': { type: 'boolean', default: false },
});
const repeat = Math.max(1, Number(args.repeat));
const seed = Number(args.seed);

interface Run {
  cases: number;
  cases_per_second: number;
  run_s: number;
  wall_s: number;
  /** User + system CPU seconds of the whole command (npm, the fuzz process, all its threads); null off Linux. */
  cpu_s: number | null;
  held: boolean;
}

/** CPU seconds of this process's children that have been waited for (cutime + cstime of /proc/self/stat). */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) sit at 13 and 14; the kernel counts in
  // USER_HZ, which is 100 on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function once(): Run {
  const reports = mkdtempSync(join(tmpdir(), 'bench-fuzz-'));
  const env: NodeJS.ProcessEnv = { ...process.env, UQPAY_SEED: String(seed), UQPAY_BASE_URL: '' };
  delete env.UQPAY_FUZZ_RUNS;
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawnSync('npm', ['run', '-s', 'fuzz', '--', '--quiet', '--reports', reports], {
    env,
    stdio: 'ignore',
  });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  try {
    const report = JSON.parse(readFileSync(join(reports, 'fuzz.json'), 'utf8'));
    return {
      cases: report.summary.cases,
      cases_per_second: report.cases_per_second,
      run_s: report.run.duration_ms / 1000,
      wall_s: Number(wall.toFixed(2)),
      cpu_s: cpuBefore === null || cpuAfter === null ? null : Number((cpuAfter - cpuBefore).toFixed(2)),
      held: child.status === 0,
    };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const loadBefore = load1();
const runs = Array.from({ length: repeat }, once);
const loadAfter = load1();
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const cpu = runs.every((r) => r.cpu_s !== null) ? runs.map((r) => r.cpu_s as number) : null;
const line = {
  bench: 'fuzz',
  command: npmCommand('bench:fuzz'),
  measured: COMMAND,
  load_before: loadBefore,
  load_after: loadAfter,
  commit,
  seed,
  repeats: repeat,
  cases: runs[0]?.cases ?? 0,
  cases_per_second: median(runs.map((r) => r.cases_per_second)),
  cases_per_second_each: runs.map((r) => r.cases_per_second),
  run_s_median: median(runs.map((r) => r.run_s)),
  wall_s_median: median(runs.map((r) => r.wall_s)),
  cpu_s_each: runs.map((r) => r.cpu_s),
  cpu_s_median: cpu === null ? null : median(cpu),
  cases_per_cpu_second: cpu === null ? null : Math.round((runs[0]?.cases ?? 0) / median(cpu)),
  all_held: runs.every((r) => r.held),
};
console.log(
  `${COMMAND}: ${line.cases} cases · ${line.cases_per_second} cases/s (median of ${repeat}: ${line.cases_per_second_each.join(', ')})` +
    ` · run ${line.run_s_median} s, wall ${line.wall_s_median} s` +
    `${cpu ? ` · CPU ${line.cpu_s_median} s (${line.cases_per_cpu_second} cases/CPU-s)` : ''}` +
    ` · load ${loadBefore} → ${loadAfter}`,
);
if (!args['no-record']) appendResult(line);
process.exitCode = line.all_held ? 0 : 1;
