// Starts one of the project's TypeScript entry points: its compiled copy in dist/ when that is fresh (fresh.mjs),
// else the source through tsx's loader, so an edited checkout never runs old code, only slower (a note on a terminal
// says so). `node build/launch.mjs cli/fuzz.ts --runs 5` runs cli/fuzz.ts with process.argv as if started directly
// (process.argv[1] names the entry's file: lib/cli.ts's runAsEntry starts a CLI's main only in its entry module).

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distIsFresh } from './fresh.mjs';
import { DIST } from './sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Imports the entry (a path from the project root, e.g. cli/conformance.ts). `beforeTsx` runs first on the source
 * path only: a module that loads faster without tsx's hooks (vitest/node) can be imported there.
 */
export async function launch(entry, beforeTsx = async () => {}) {
  if (distIsFresh(root)) {
    const compiled = join(root, DIST, entry.replace(/\.ts$/u, '.js'));
    process.argv[1] = compiled;
    return import(pathToFileURL(compiled).href);
  }
  if (process.stderr.isTTY)
    console.error(
      '(dist/ is missing or older than the sources: running them through tsx; `npm run build` starts faster)',
    );
  await beforeTsx();
  const { register } = await import('tsx/esm/api');
  register();
  const source = join(root, entry);
  process.argv[1] = source;
  return import(pathToFileURL(source).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry] = process.argv.splice(2, 1);
  if (!entry) {
    console.error('launch: usage: node build/launch.mjs <entry.ts> [arguments]');
    process.exit(2);
  }
  await launch(entry);
}
