// How npm run conformance asks vitest for the conformance project. From the sources (tsx): the project in
// vitest.config.ts, whose TypeScript vite transforms for the worker. From dist/ (build/launch.mjs): the same
// settings inline, without loading vitest.config.ts (rolldown bundles it at each start), on the compiled suite, whose
// modules the worker imports natively (server.deps.external) instead of asking the main process to transform each
// one. Measured in bench/README.md ("Start-up").

import { fileURLToPath } from 'node:url';
import type { TestUserConfig } from 'vitest/node';
import { escapeRegExp } from '../lib/regexp.ts';
import { CONFORMANCE_PROJECT } from '../suites/project.ts';

type ProjectOptions = TestUserConfig & { config?: false; project?: string[] };

/** `moduleUrl` is this module's own URL: ending in .js, it runs from dist/. */
export function conformanceProjectOptions(moduleUrl = import.meta.url): ProjectOptions {
  if (!moduleUrl.endsWith('.js')) return { project: [CONFORMANCE_PROJECT.name] };
  const dist = fileURLToPath(new URL('..', moduleUrl));
  const compiled = (path: string) => path.replace(/^\.\//u, '').replace(/\.ts$/u, '.js');
  return {
    config: false,
    dir: dist,
    name: CONFORMANCE_PROJECT.name,
    include: CONFORMANCE_PROJECT.include.map(compiled),
    globalSetup: CONFORMANCE_PROJECT.globalSetup.map((path) => `${dist}${compiled(path)}`),
    testTimeout: CONFORMANCE_PROJECT.testTimeout,
    // A worker thread rather than a child process: each case's result crosses by structured clone, not JSON over
    // IPC (about 5 % less CPU for the whole run, measured in pairs on a loaded machine).
    pool: 'threads',
    server: { deps: { external: [new RegExp(`^${escapeRegExp(dist)}`, 'u')] } },
  };
}
