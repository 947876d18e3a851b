// npm run build (and prepack): compiles tsconfig.build.json to dist/ (plain JavaScript and .d.ts, the source tree's
// layout kept), then copies next to the compiled code the JSON files its folder reads at run time (the catalog, the
// schemas), so dist/ works on its own. Plain JavaScript: it runs before anything is compiled.

import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

rmSync(DIST, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);

/** Every folder under dir (itself included). */
function folders(dir) {
  const subfolders = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
  return [dir, ...subfolders.flatMap(folders)];
}

let copied = 0;
for (const folder of folders(DIST).filter((f) => readdirSync(f).some((n) => n.endsWith('.js')))) {
  const source = join(ROOT, relative(DIST, folder));
  for (const name of readdirSync(source).filter((n) => n.endsWith('.json'))) {
    copyFileSync(join(source, name), join(folder, name));
    copied += 1;
  }
}
// On stderr: npm pack --json prints its JSON on stdout, which prepack shares.
console.error(`built ${relative(ROOT, DIST)}/ (${copied} JSON files copied beside the compiled code)`);
