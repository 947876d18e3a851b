// npm test: everything CI runs, in one command, using both cores. The typecheck, the lint and the build start
// together (each is a script of package.json, run as npm would: a shell with node_modules/.bin on PATH); the unit
// tests start as soon as the build is done (the CLI tests run dist/), while the typecheck and the lint may still be
// going. The build is skipped when dist/ already holds the current sources (build/fresh.mjs, the check the entries
// trust) and no build script changed since. The typecheck's and the lint's output is printed when each ends, not interleaved line by line with the
// tests'. Exit: the first non-zero code of typecheck, lint, build and tests, in that order; 0 when all passed.
// Arguments go to vitest (`npm test -- test/cli`).

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../build/fresh.mjs';
import { DIST, STAMP } from '../build/sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

/** Runs a package.json script; its output is passed through (`live`) or collected and printed once it ends. */
function script(name, { live = false, args = [] } = {}) {
  const started = performance.now();
  const command = [scripts[name], ...args.map(shellQuote)].join(' ');
  const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', live ? 'inherit' : 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    if (live) process.stderr.write(chunk);
    else output += chunk;
  });
  return new Promise((resolveCode) => {
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const status = code === 0 ? 'ok' : `FAILED (exit ${code ?? signal})`;
      if (output.trim()) process.stdout.write(`\n> ${name}\n${output.trimEnd()}\n`);
      console.log(`npm test: ${name} ${status} in ${seconds} s`);
      resolveCode(code ?? 1);
    });
  });
}

function shellQuote(arg) {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

const typecheck = script('typecheck');
const lint = script('lint');
/** dist/ holds the current sources, built by the current build scripts (a new build step needs a new build). */
function distIsCurrent() {
  if (!distIsFresh(root)) return false;
  const built = statSync(join(root, DIST, STAMP)).mtimeMs;
  const scripts = readdirSync(join(root, 'build')).filter((file) => file.endsWith('.mjs'));
  return scripts.every((file) => statSync(join(root, 'build', file)).mtimeMs <= built);
}

const fresh = distIsCurrent();
if (fresh) console.log('npm test: build skipped, dist/ holds the current sources');
const build = fresh ? 0 : await script('build');
if (build !== 0) console.log('npm test: the unit tests did not run: the build failed');
const tests = build === 0 ? await script('test:unit', { live: true, args: process.argv.slice(2) }) : 1;
const codes = [await typecheck, await lint, build, tests];
process.exitCode = codes.find((code) => code !== 0) ?? 0;
