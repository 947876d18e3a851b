// Vitest's default reporter for npm run conformance, minus its "No test files found" block when nothing ran at all:
// that happens only when the global setup refused the configuration, and the CLI then prints the one precise line.

import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

export async function defaultReporter(): Promise<Reporter> {
  // Loaded only when there is something to run, like vitest itself.
  const { DefaultReporter } = await import('vitest/node');
  return new (class extends DefaultReporter {
    override onTestRunEnd(
      modules: ReadonlyArray<TestModule>,
      errors: Parameters<Reporter['onTestRunEnd'] & object>[1],
      reason: TestRunEndReason,
    ): void {
      if (modules.length > 0 || errors.length > 0) super.onTestRunEnd(modules, errors, reason);
    }
  })();
}
