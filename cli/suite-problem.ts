// A conformance run whose suite itself broke (a failing beforeAll/afterAll, an unhandled rejection, a file that did
// not load) must not end green: vitest marks the file failed, but no case result carries it, so the verdict built
// from the cases would say 0. This finds such a problem in vitest's state and phrases it in one line.

import type { RunnerTask } from 'vitest';

/** The part of vitest's state this reads (`vitest.state`). */
export interface SuiteState {
  getUnhandledErrors(): unknown[];
  getFiles(): RunnerTask[];
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Errors recorded on a file or suite (hooks, collection), never on a test: a test's outcome is the case's own. */
function suiteErrors(task: RunnerTask): string[] {
  if (task.type === 'test') return [];
  const own = (task.result?.errors ?? []).map((error) => `${task.name}: ${messageOf(error)}`);
  return [...own, ...task.tasks.flatMap(suiteErrors)];
}

/** One line naming what broke, or null when the suite ran cleanly (its cases may still fail). */
export function suiteProblem(state: SuiteState): string | null {
  const problems = [
    ...state.getUnhandledErrors().map((error) => `unhandled error: ${messageOf(error)}`),
    ...state.getFiles().flatMap(suiteErrors),
  ];
  const [first] = problems;
  if (first === undefined) return null;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `the suite itself failed, a bug of this project, not the target: ${first.split('\n')[0]}${more}`;
}
