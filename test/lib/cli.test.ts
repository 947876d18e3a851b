// The one argument parser and exit helper every CLI uses (lib/cli.ts): each kind of ending is one line (or the help)
// and its own exit code, and a CLI imported by a test does nothing until its main is called.

import { describe, expect, it } from 'vitest';
import { fail, parseCommandArgs, runCommand, SOFTWARE_ERROR, scriptArgs, UsageError } from '../../lib/cli.ts';
import { runMain } from '../__helpers__/run-main.ts';

const SPEC = {
  help: 'Usage: npm run demo -- [--count <n>] <file>',
  options: { count: { type: 'string' }, tag: { type: 'string', multiple: true }, loud: { type: 'boolean' } },
  checks: {
    count: { valid: (v: string) => /^\d+$/u.test(v), problem: (v: string) => `--count needs a number (got "${v}")` },
  },
  positionals: true,
} as const;

/** Runs the body as command "demo"; returns its exit code and what it printed. */
function run(body: () => number | Promise<number>, known: (new (m: string) => Error)[] = []) {
  return runMain(() => runCommand('demo', body, known), []);
}

describe('parseCommandArgs', () => {
  it('reads strings, repeatable strings, flags and positionals by name', () => {
    const args = parseCommandArgs(SPEC, ['--count', '3', '--tag', 'a', '--tag', 'b', '--loud', 'x.json']);
    expect([args.text('count'), args.list('tag'), args.flag('loud'), args.positionals]).toEqual([
      '3',
      ['a', 'b'],
      true,
      ['x.json'],
    ]);
    expect([args.text('missing'), args.list('missing'), args.flag('missing')]).toEqual([undefined, [], false]);
  });

  it('turns an unknown option or a value that fails its check into one UsageError line', () => {
    expect(() => parseCommandArgs(SPEC, ['--nope'])).toThrow(new UsageError("Unknown option '--nope'"));
    expect(() => parseCommandArgs(SPEC, ['--count', 'x'])).toThrow(new UsageError('--count needs a number (got "x")'));
    expect(() => parseCommandArgs({ ...SPEC, positionals: false }, ['x'])).toThrow(UsageError);
  });
});

describe('scriptArgs (a bench whose work runs at its top level)', () => {
  it("reads the process's arguments, with the options' defaults", () => {
    const argv = process.argv;
    process.argv = [argv[0] ?? 'node', 'bench/demo.ts', '--runs', '2'];
    try {
      const options = { runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '1' } } as const;
      expect(scriptArgs('bench:demo', 'Usage: npm run bench:demo', options)).toEqual({ runs: '2', seed: '1' });
    } finally {
      process.argv = argv;
    }
  });
});

describe('runCommand', () => {
  it('prints the help on stdout and exits 0 for -h and --help', async () => {
    for (const flag of ['-h', '--help']) {
      const done = await run(() => parseCommandArgs(SPEC, [flag]).positionals.length);
      expect(done).toEqual({ code: 0, stdout: SPEC.help, stderr: '' });
    }
  });

  it('a usage error: one line naming --help, exit 2', async () => {
    expect(await run(() => parseCommandArgs(SPEC, ['--nope']).positionals.length)).toEqual({
      code: 2,
      stdout: '',
      stderr: "demo: Unknown option '--nope' (see npm run demo -- --help)",
    });
  });

  it('fail(): its line and its code; a known error class: its message and exit 2', async () => {
    expect(await run(() => fail('no case matches', 1))).toMatchObject({ code: 1, stderr: 'demo: no case matches' });
    class SettingError extends Error {}
    const known = await run(() => {
      throw new SettingError('UQPAY_SEED must be a whole number');
    }, [SettingError]);
    expect(known).toMatchObject({ code: 2, stderr: 'demo: UQPAY_SEED must be a whole number' });
  });

  it('anything else is a bug of ours: the stack and exit 70, never a 0, 1 or 2', async () => {
    const crash = await run(async () => {
      throw new TypeError('x is undefined');
    });
    expect(crash.code).toBe(SOFTWARE_ERROR);
    expect(crash.stderr).toMatch(/^demo: a bug of ours, not the target's answer:\nTypeError: x is undefined\n\s+at /u);
  });

  it('the exit code a body returns is the exit code', async () => {
    expect(await run(() => 1)).toEqual({ code: 1, stdout: '', stderr: '' });
  });
});

describe('a CLI imported by a test', () => {
  it('does nothing on import, and its main runs in-process', async () => {
    const { main } = await import('../../cli/gate.ts');
    expect(process.exitCode).toBeUndefined();
    const done = await runMain(main, ['--baseline', 'a.json']);
    expect(done).toMatchObject({ code: 2, stderr: expect.stringContaining('gate: --baseline <file> and --current') });
  });
});
