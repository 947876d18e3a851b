// A conformance run whose suite broke itself (here an afterAll that throws while every case passes) must not end
// green: suiteProblem finds it in a real vitest run's state, and npm run conformance exits 70 with its line.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { suiteProblem } from '../../cli/suite-problem.ts';

const folder = fileURLToPath(new URL('../fixtures/broken-suite/', import.meta.url));

async function stateAfterRunning(file: string) {
  const vitest = await startVitest('test', [], {
    config: false,
    root: folder,
    include: [file],
    watch: false,
    reporters: [{}], // a reporter that says nothing: the nested run's own FAIL lines would read as ours in the log
  });
  try {
    return suiteProblem(vitest.state);
  } finally {
    await vitest.close();
  }
}

describe('suiteProblem', () => {
  it('names a hook that threw although every test passed', async () => {
    expect(await stateAfterRunning('broken-hook.check.ts')).toMatch(
      /^the suite itself failed, a bug of this project, not the target: .*afterAll broke/,
    );
  }, 60_000);

  it('leaves a failing test to the case verdict', async () => {
    expect(await stateAfterRunning('clean.check.ts')).toBeNull();
  }, 60_000);
});
