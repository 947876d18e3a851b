// What `npm run build` compiles into dist/ (tsconfig.build.json lists the same folders) and what the freshness
// check of dist/ compares against: the project's TypeScript and the JSON it reads at run time, plus the settings
// that change the emitted code. Plain JavaScript: it runs before anything is compiled.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCE_DIRS = [
  'bench',
  'catalog',
  'cli',
  'contract',
  'fuzz',
  'generators',
  'harness',
  'lib',
  'mock',
  'reporting',
  'schemas',
  'suites',
];
/** Compiled because bench/settle-wait.ts imports a test helper: watched for freshness, not listed for tsc. */
const IMPORTED_FROM_TESTS = ['test/__helpers__'];
/** Files outside those folders whose change makes dist/ stale. */
export const SETTINGS_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
export const DIST = 'dist';
/** Written last by a successful build: when that build started reading the sources. */
export const STAMP = 'build-stamp.json';

/** Every compiled (.ts) or copied (.json) source file under root, relative paths. */
export function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(join(root, dir))) return;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'source') walk(path);
      } else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) files.push(path);
    }
  };
  for (const dir of [...SOURCE_DIRS, ...IMPORTED_FROM_TESTS]) walk(dir);
  return files;
}

/** The newest modification time (ms) among the sources and settings files. */
export function newestSourceMs(root) {
  let newest = 0;
  for (const file of [...sourceFiles(root), ...SETTINGS_FILES]) {
    try {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    } catch {
      // a settings file that does not exist (no lockfile) changes nothing
    }
  }
  return newest;
}
