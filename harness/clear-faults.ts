// After a case on a mock: the faults it armed (in its scope) are cleared. A clear that fails is not ignored: the mock's
// control path broke under the run, and faults left armed could meet later requests of that scope. The case says so.

import { redactText } from './redact.ts';
import type { CaseResult } from './run-scenario.ts';

/**
 * The case's result once its faults are cleared. A failed clear makes a pass or a skip an environment error; a
 * failure or an error keeps its verdict (the contract or the environment already spoke) and adds the problem.
 */
export async function afterClearingFaults(result: CaseResult, clear: () => Promise<void>): Promise<CaseResult> {
  try {
    await clear();
    return result;
  } catch (error) {
    const problem = redactText(
      `clearing the faults this case armed on the mock failed (${(error as Error).message}): they may still be armed`,
    );
    if (result.outcome === 'fail' || result.outcome === 'error')
      return { ...result, reason: `${result.reason}; also ${problem}` };
    const { skip: _skip, ...rest } = result;
    return { ...rest, outcome: 'error', reason: problem, checks: [] };
  }
}
