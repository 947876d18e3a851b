// npm run conformance: until the mock and the suites exist, this checks the catalog and the schemas.
// Exit codes: 0 all good, 1 the catalog disagrees with the vendored page, 2 the catalog cannot be loaded.

import { readFileSync } from 'node:fs';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { comparePageWithCatalog } from '../catalog/page/compare.ts';

function main(): number {
  let catalog: ReturnType<typeof loadCatalog>;
  try {
    catalog = loadCatalog();
  } catch (error) {
    if (error instanceof CatalogError) {
      console.error(`conformance: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const page = readFileSync(new URL('../catalog/source/card-issuance-errors.zh.txt', import.meta.url), 'utf8');
  const problems = comparePageWithCatalog(page, catalog);
  for (const problem of problems) console.error(`conformance: ${problem}`);
  const pairs = catalog.entries.reduce((n, e) => n + (e.operations === '*' ? 1 : e.operations.length), 0);
  console.log(
    `catalog: ${catalog.entries.length} entries, ${catalog.operations.length} operations, ${pairs} documented pairs; ` +
      (problems.length ? `${problems.length} differences from the vendored page` : 'matches the vendored page exactly'),
  );
  return problems.length ? 1 : 0;
}

process.exitCode = main();
