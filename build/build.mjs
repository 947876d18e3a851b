// npm run build (and `prepare`, so npm ci builds it): compiles the project's TypeScript into dist/ with
// tsconfig.build.json, keeping the source layout (cli/conformance.ts -> dist/cli/conformance.js), copies the JSON the
// code reads beside itself (the catalog, the schemas), then writes the stamp that lets the entries trust dist/
// (fresh.mjs). The stamp holds the time the build started, so a source saved during the build makes dist/ stale.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, STAMP, sourceFiles } from './sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const startedMs = Date.now();
rmSync(join(root, DIST), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  // No stamp: the entries keep running the sources through tsx until a build succeeds.
  console.error('build: tsc failed; dist/ is not used until `npm run build` succeeds');
  process.exit(tsc.status ?? 2);
}
for (const file of sourceFiles(root).filter((f) => f.endsWith('.json') && !f.startsWith('test'))) {
  mkdirSync(join(root, DIST, dirname(file)), { recursive: true });
  copyFileSync(join(root, file), join(root, DIST, file));
}
writeFileSync(join(root, DIST, STAMP), `${JSON.stringify({ startedMs })}\n`);
