// Whether dist/ holds the current sources: a stamp from a build that succeeded (build.mjs) and started after the last
// change to any source or settings file (sources.mjs). Costs one stat per source file (a few milliseconds).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, newestSourceMs, STAMP } from './sources.mjs';

export function distIsFresh(root) {
  let startedMs;
  try {
    startedMs = JSON.parse(readFileSync(join(root, DIST, STAMP), 'utf8')).startedMs;
  } catch {
    return false;
  }
  return typeof startedMs === 'number' && newestSourceMs(root) <= startedMs;
}
