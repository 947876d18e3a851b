// dist/ runs only when it holds the current sources: no stamp, or a source or settings file changed after the build
// started, sends the entries back to the sources (build/launch.mjs).

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { distIsFresh } from '../../build/fresh.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(builtAtMs: number | null): string {
  root = mkdtempSync(join(tmpdir(), 'fresh-'));
  mkdirSync(join(root, 'cli'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'cli/run.ts'), 'export {};\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'cli/run.ts'), past, past);
  utimesSync(join(root, 'tsconfig.json'), past, past);
  if (builtAtMs !== null) writeFileSync(join(root, 'dist/build-stamp.json'), JSON.stringify({ startedMs: builtAtMs }));
  return root;
}

describe('distIsFresh', () => {
  test('a build that started after the last change is fresh', () => {
    expect(distIsFresh(project(Date.now()))).toBe(true);
  });

  test('no stamp (never built, or the build failed) is stale', () => {
    expect(distIsFresh(project(null))).toBe(false);
  });

  test('a source saved after the build started is stale', () => {
    const dir = project(Date.now() - 30_000);
    expect(distIsFresh(dir)).toBe(true);
    writeFileSync(join(dir, 'cli/run.ts'), 'export const changed = 1;\n');
    expect(distIsFresh(dir)).toBe(false);
  });

  test('a new JSON file the code reads, or a changed tsconfig, is stale', () => {
    const dir = project(Date.now() - 30_000);
    writeFileSync(join(dir, 'cli/data.json'), '{}\n');
    expect(distIsFresh(dir)).toBe(false);
    rmSync(join(dir, 'cli/data.json'));
    writeFileSync(join(dir, 'tsconfig.json'), '{"compilerOptions":{}}\n');
    expect(distIsFresh(dir)).toBe(false);
  });
});
