import type { UserConsoleLog } from 'vitest';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { ConformanceReporter } from '../../reporting/vitest-reporter.ts';

const log = (content: string) => ({ content, type: 'stdout', time: 0, taskId: 'x' }) as unknown as UserConsoleLog;

describe('the conformance reporter under --quiet', () => {
  it("echoes the suite's own lines (the cleanup line) only when asked to", () => {
    const lines: string[] = [];
    const options = {
      catalog: loadCatalog(),
      outputDir: '/nonexistent',
      facts: { target: 'sandbox', base_url_host: 'h', seed: 1, started_at: '' },
      log: (line: string) => lines.push(line),
    };
    new ConformanceReporter({ ...options, echoSuiteLines: true }).onUserConsoleLog(
      log('[conformance] cleanup: 3 cards cancelled\n'),
    );
    new ConformanceReporter({ ...options, echoSuiteLines: true }).onUserConsoleLog(log('some other output\n'));
    new ConformanceReporter(options).onUserConsoleLog(log('[conformance] cleanup: 1 cards cancelled\n'));
    expect(lines).toEqual(['[conformance] cleanup: 3 cards cancelled']);
  });
});
