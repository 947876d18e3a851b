// npm run build (and `prepare`, so npm ci builds it): compiles the project's TypeScript with tsconfig.build.json,
// keeping the source layout (cli/conformance.ts -> dist/cli/conformance.js), copies the JSON the code reads beside
// itself (the catalog, the schemas) and writes the stamp that lets the entries trust dist/ (fresh.mjs), holding the
// time the build started, so a source saved during the build makes dist/ stale. It builds into a folder of its own
// and swaps it in whole: a run that is using dist/, or a second build at the same time, never sees half a tree.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './compile-schemas.mjs';
import { DIST, STAMP, sourceFiles } from './sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const startedMs = Date.now();
const fresh = join(root, `.${DIST}-build-${process.pid}`);
const old = join(root, `.${DIST}-old-${process.pid}`);
const compiler = join(root, 'node_modules/typescript/bin/tsc');
if (!existsSync(compiler)) {
  // An install without devDependencies (npm ci --omit=dev runs `prepare` too): nothing to build with, and no reason to
  // fail the install; the entries run the sources through tsx.
  console.error('build: typescript is not installed (devDependencies omitted); the sources run through tsx');
  process.exit(0);
}
const tsc = spawnSync(process.execPath, [compiler, '-p', 'tsconfig.build.json', '--outDir', fresh], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  rmSync(fresh, { recursive: true, force: true });
  // dist/ is left as it was; its stamp is older than the sources, so the entries run the sources through tsx.
  console.error('build: tsc failed; dist/ is not used until `npm run build` succeeds');
  process.exit(tsc.status ?? 2);
}
for (const file of sourceFiles(root).filter((f) => f.endsWith('.json') && !f.startsWith('test'))) {
  mkdirSync(join(fresh, dirname(file)), { recursive: true });
  copyFileSync(join(root, file), join(fresh, file));
}
compileSchemas(root, fresh);
writeFileSync(join(fresh, STAMP), `${JSON.stringify({ startedMs })}\n`);
if (existsSync(join(root, DIST))) renameSync(join(root, DIST), old);
renameSync(fresh, join(root, DIST));
rmSync(old, { recursive: true, force: true });
