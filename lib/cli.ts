// The one way a command-line entry point reads its arguments and ends. Arguments: node:util's parseArgs, strict, with
// -h/--help built in; a mistake is a UsageError. Ending: a command's `main(argv)` returns its exit code through
// runCommand, which turns a UsageError into "<command>: <message> (see npm run <command> -- --help)" and exit 2, a
// known error (bad settings or files) into "<command>: <message>" and exit 2, fail() into its line and code, and
// anything else into a stack and exit 70 (a bug of ours). runAsEntry starts main only when the module is the process's
// entry, so tests can import a CLI and run its main in-process.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A bad argument: one line that points at --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Ends a command with one line on stderr ("<command>: <message>") and this exit code. Thrown by fail(). */
export class CommandExit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'CommandExit';
  }
}

/** -h/--help was given: runCommand prints the help on stdout and exits 0. */
class HelpRequest extends Error {}

/** Ends the command: one line "<command>: <message>" on stderr and exit code `code` (2: configuration or environment). */
export function fail(message: string, code = 2): never {
  throw new CommandExit(message, code);
}

/** The exit code of a command that broke itself (a bug of ours), apart from 1 and 2: EX_SOFTWARE of sysexits.h. */
export const SOFTWARE_ERROR = 70;

type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface ArgsSpec {
  /** The text of -h/--help. */
  help: string;
  /** Every option but -h/--help. */
  options: CliOptions;
  /** Positional arguments allowed (else one is a usage error). */
  positionals?: boolean;
  /** Checks of string options' values (each value of a repeatable one), by option name. */
  checks?: Readonly<Record<string, OptionCheck>>;
}

/** A check of an option's value; `problem` is the usage error's message for a value that is not valid. */
export interface OptionCheck {
  valid(value: string): boolean;
  problem(value: string): string;
}

/** Parsed arguments, read by name. */
export interface CliArgs {
  positionals: string[];
  /** A string option's value; undefined when absent. */
  text(name: string): string | undefined;
  /** A boolean option: true when given. */
  flag(name: string): boolean;
  /** A repeatable string option's values, in order; [] when absent. */
  list(name: string): string[];
}

/** Parses argv strictly; throws UsageError on the first mistake (one line), HelpRequest on -h/--help. */
export function parseCommandArgs(spec: ArgsSpec, argv: readonly string[]): CliArgs {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: spec.positionals === true,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // Node adds how to pass a positional that starts with "-" to an unknown option: not this command's concern.
    const line = (error as Error).message.split('\n')[0]?.replace(/^(Unknown option '[^']*')\. .*$/u, '$1');
    throw new UsageError(line || 'invalid arguments');
  }
  const { values, positionals } = parsed;
  if (values.help === true) throw new HelpRequest(spec.help);
  for (const [name, check] of Object.entries(spec.checks ?? {})) {
    const given = values[name];
    for (const value of Array.isArray(given) ? given : [given])
      if (typeof value === 'string' && !check.valid(value)) throw new UsageError(check.problem(value));
  }
  return {
    positionals,
    text: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
    flag: (name) => values[name] === true,
    list: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
  };
}

/**
 * The arguments of a script whose work runs at its top level (the benches): parsed as parseCommandArgs does, with the
 * options' defaults; -h/--help or a usage error ends the process at once, before anything has started, with the same
 * output and exit code as runCommand gives them.
 */
export function scriptArgs<const O extends CliOptions>(
  command: string,
  help: string,
  options: O,
  checks: ArgsSpec['checks'] = {},
): ScriptValues<O> {
  try {
    parseCommandArgs({ help, options, checks }, process.argv.slice(2));
  } catch (error) {
    process.exit(exitCodeOf(command, error, []));
  }
  return parseArgs({ args: process.argv.slice(2), strict: true, allowPositionals: false, options })
    .values as unknown as ScriptValues<O>;
}

/** The values scriptArgs returns: an option with a default always has a value. */
export type ScriptValues<O extends CliOptions> = {
  -readonly [K in keyof O]: O[K] extends { type: 'boolean' }
    ? O[K] extends { default: boolean }
      ? boolean
      : boolean | undefined
    : O[K] extends { multiple: true }
      ? string[] | undefined
      : O[K] extends { default: string }
        ? string
        : string | undefined;
};

/** An error class whose message is the whole story (a setting, a file): one line and exit 2. */
// biome-ignore lint/suspicious/noExplicitAny: any constructor signature
export type KnownError = abstract new (...args: any[]) => Error;

/**
 * Runs a command's body and returns its exit code; never throws. `command` is its npm script (npm run <command>):
 * it starts every line the command prints on failure and names the --help to read.
 */
export async function runCommand(
  command: string,
  body: () => number | Promise<number>,
  known: readonly KnownError[] = [],
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return exitCodeOf(command, error, known);
  }
}

function exitCodeOf(command: string, error: unknown, known: readonly KnownError[]): number {
  if (error instanceof HelpRequest) {
    console.log(error.message);
    return 0;
  }
  const line = (message: string, code: number) => {
    console.error(`${command}: ${message}`);
    return code;
  };
  if (error instanceof UsageError) return line(`${error.message} (see npm run ${command} -- --help)`, 2);
  if (error instanceof CommandExit) return line(error.message, error.code);
  if (known.some((kind) => error instanceof kind)) return line((error as Error).message, 2);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return line(`a bug of ours, not the target's answer:\n${stack}`, SOFTWARE_ERROR);
}

/** After the verdict an HTTP pool or a worker may hold the event loop for a while: the exit waits this long at most. */
const DRAIN_MS = 2000;

/**
 * Starts `main` with the process's arguments when `moduleUrl` (the caller's import.meta.url) is the entry of the
 * process (started directly, through tsx or through build/launch.mjs), and sets process.exitCode to its result; the
 * event loop then drains (DRAIN_MS at the most). Imported by a test, the module does nothing.
 */
export async function runAsEntry(moduleUrl: string, main: (argv: string[]) => Promise<number>): Promise<void> {
  if (!isEntry(moduleUrl)) return;
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  setTimeout(() => process.exit(code), DRAIN_MS).unref();
}

function isEntry(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started || !moduleUrl.startsWith('file:')) return false;
  return realPath(started) === realPath(fileURLToPath(moduleUrl));
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
