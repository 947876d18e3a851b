// One sequential run of every scenario against a fresh built-in mock, recorded request by request: what the Postman
// export replays. In-flight duplicate scenarios are left out: they need two requests at once, which a sequential
// collection runner cannot send.

import { loadCatalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { allScenarios } from '../generators/index.ts';
import { startRecording, stopRecording } from '../harness/recorder.ts';
import { runScenario } from '../harness/run-scenario.ts';
import { createSession } from '../harness/session.ts';
import { startMock } from '../mock/server.ts';
import { RECORDING_SETTLE_MS, type RecordedCase } from '../reporting/export/postman.ts';
import { scenarioTitles } from '../suites/case-meta.ts';

export const SEQUENTIAL_ONLY = (entry: string) => entry === 'general.request_being_processed';

export async function recordSequentialRun(
  seed: number,
  filter = '',
): Promise<{
  cases: RecordedCase[];
  baseUrl: string;
  defaultClientId: string;
  failed: string[];
}> {
  const catalog = loadCatalog();
  const titles = scenarioTitles(allScenarios);
  const mock = await startMock({ seed, settleMs: RECORDING_SETTLE_MS });
  const recorder = startRecording('mock', ':memory:');
  if (!recorder) throw new Error('recording could not start');
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed, env: {} });
  const cases: RecordedCase[] = [];
  const failed: string[] = [];
  try {
    for (const scenario of allScenarios) {
      const title = titles.get(scenario) ?? scenario.entry;
      if (SEQUENTIAL_ONLY(scenario.entry) || !title.includes(filter)) continue;
      const from = recorder.all.length;
      const result = await runScenario(scenario, session.env);
      if (result.outcome !== 'pass') failed.push(`${title}: ${result.outcome} ${result.reason}`);
      const entry = catalog.entryById.get(scenario.entry) as CatalogEntry;
      cases.push({ title, entry, requests: recorder.all.slice(from) });
    }
  } finally {
    stopRecording();
    await session.close();
    await mock.close();
  }
  return { cases, baseUrl: mock.baseUrl, defaultClientId: mock.fixtures.credentials.default.client_id, failed };
}
