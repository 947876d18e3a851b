// Small results.json objects for tests of the reporting modules, built by the real buildResults from case data.

import type { Catalog } from '../../catalog/load.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import type { CaseMeta } from '../../suites/case-meta.ts';

export function fakeCase(
  catalog: Catalog,
  operation: string,
  entryId: string,
  patch: Partial<CaseMeta> = {},
): CaseMeta {
  const entry = catalog.entryById.get(entryId);
  if (!entry) throw new Error(`no entry ${entryId}`);
  const expected = {
    status: entry.status,
    type: entry.envelope === 'A' ? entry.type : null,
    code: entry.code,
    message: entry.message,
    message_kind: entry.message_kind,
  };
  return {
    title: `${operation} › ${entryId}`,
    entry: entryId,
    operation,
    fault: 'fault',
    outcome: 'pass',
    reason: '',
    checks: [],
    expected,
    observed: { status: entry.status, type: expected.type ?? undefined, code: entry.code, message: entry.message },
    requests: 2,
    durationMs: 5,
    undocumented: [],
    ...patch,
  };
}

/** The case failing because the target answered `message` instead of the documented one. */
export function messageFailure(c: CaseMeta, message: string): CaseMeta {
  return {
    ...c,
    outcome: 'fail',
    reason: `message: expected ${JSON.stringify(c.expected.message)}, got ${JSON.stringify(message)}`,
    checks: [{ check: 'message', expected: c.expected.message, got: message }],
    observed: { status: c.expected.status, type: c.expected.type, code: c.expected.code, message },
  };
}

export function fakeResults(catalog: Catalog, cases: CaseMeta[], target = 'mock'): RunResults {
  return buildResults(
    catalog,
    { target, base_url_host: '127.0.0.1:1', seed: 1, started_at: '2026-11-20T02:00:00.000Z', duration_ms: 10 },
    cases,
  );
}
