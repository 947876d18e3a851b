// The case names are the keys of CI history (JUnit test names, results.json, the matrix): renaming one silently starts
// a new history. This snapshot of the sorted names makes every rename a visible, reviewed change
// (update it with npx vitest run --project unit test/suites/case-names.test.ts -u). Names do not depend on the seed;
// the scenarios are built without one.

import { describe, expect, it } from 'vitest';
import { allScenarios } from '../../generators/index.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';

describe('conformance case names', () => {
  it('are unique and unchanged', async () => {
    const names = [...scenarioTitles(allScenarios).values()].sort();
    expect(new Set(names).size).toBe(names.length);
    await expect(`${names.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/case-names.txt');
  });
});
