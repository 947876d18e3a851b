// CommonJS packages loaded through require() rather than import. Node's import of a CommonJS module first scans its
// whole source for the names it exports (cjs-module-lexer), which for these bundles costs more than loading them:
// junit-report-builder 207 ms imported against 25 ms required, fastify 264 ms against 141 ms
// (`node --input-type=module -e "await import(…)"` vs `node -e "require(…)"`, 2026-12-03, on this 2-core machine).
// The report writers load on the main thread while the cases run; fastify on the mock's thread before the first case.
// The value is the package's module.exports, which is what a default import of it gives.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function requireCommonJs<T>(name: 'fastify' | 'junit-report-builder'): T {
  return require(name) as T;
}
