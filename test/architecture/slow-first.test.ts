// The files the unit project starts first (test/__helpers__/slow-first.ts) exist: a renamed one would silently drop
// to vitest's own order.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SLOW_FILES } from '../__helpers__/slow-first.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('names only test files that exist, each once', () => {
  expect(SLOW_FILES.filter((file) => !existsSync(`${root}${file}`))).toEqual([]);
  expect(new Set(SLOW_FILES).size).toBe(SLOW_FILES.length);
});
