// After a case on a mock: the faults it armed (in its scope) are cleared. A clear that fails is not ignored: the mock's
// control path broke under the run, and faults left armed could meet later requests of that scope. The case says so.
// A case that armed none has nothing to clear (most cases: clearing after each cost one request per case).

import type { FixtureProvider } from '../contract/fixture-provider.ts';
import { redactText } from './redact.ts';
import { withMethods } from './scope.ts';

/**
 * The case's fixtures, noting whether it asked to arm a fault (asked: a request that failed may still have armed
 * it, so it counts too).
 */
export function armingNoted(fixtures: FixtureProvider): { fixtures: FixtureProvider; armed: () => boolean } {
  let armed = false;
  const armFault: FixtureProvider['armFault'] = (spec) => {
    armed = true;
    return fixtures.armFault(spec);
  };
  return { fixtures: withMethods(fixtures, { armFault }), armed: () => armed };
}

/** The parts of a case result (run-scenario.ts CaseResult) this step may change. */
interface Verdict {
  outcome: 'pass' | 'fail' | 'error' | 'skip';
  reason: string;
  checks: unknown[];
  skip?: unknown;
}

/**
 * The case's result once its faults are cleared. A failed clear makes a pass or a skip an environment error; a
 * failure or an error keeps its verdict (the contract or the environment already spoke) and adds the problem.
 */
export async function afterClearingFaults<R extends Verdict>(result: R, clear: () => Promise<void>): Promise<R> {
  try {
    await clear();
    return result;
  } catch (error) {
    const problem = redactText(
      `clearing the faults this case armed on the mock failed (${(error as Error).message}): they may still be armed`,
    );
    if (result.outcome === 'fail' || result.outcome === 'error')
      return { ...result, reason: `${result.reason}; also ${problem}` };
    // No longer a skip: its category goes (JSON drops an undefined field).
    return { ...result, outcome: 'error', reason: problem, checks: [], skip: undefined };
  }
}
