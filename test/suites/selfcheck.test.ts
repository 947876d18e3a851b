// Every kind of check can fail: each defect class of mock/variants.ts, applied to a sample of entries that spans every
// section, envelope and message kind (plus every entry with a curly apostrophe or missing_fields), must make the
// entry's scenario FAIL. npm run selfcheck runs the same over every entry and prints the mutation score.

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { selfcheck } from '../../cli/selfcheck-run.ts';
import { DEFECT_KINDS } from '../../mock/variants.ts';
import { recordingPause } from '../__helpers__/recording-pause.ts';

const catalog = loadCatalog();
const sample = new Map<string, string>();
for (const e of catalog.entries) {
  const key = `${e.section}|${e.envelope}|${e.message_kind}|${e.status}`;
  if (!sample.has(key)) sample.set(key, e.id);
}
const special = catalog.entries.filter((e) => e.missing_fields || e.message?.includes('’')).map((e) => e.id);
const entries = [...new Set([...sample.values(), ...special])];

describe('npm run selfcheck over a sample of entries', () => {
  it('catches every defect of every class, and the conformant mock passes', async () => {
    // A defect that answers like environment trouble (a 5xx or 429, with its Retry-After) is retried before it is
    // judged: those waits (up to 10 s here) are asked of a pause that records them instead of sleeping.
    const result = await selfcheck({ seed: 3, concurrency: 8, entries, retryPause: recordingPause().pause });
    expect(result.baselineBroken).toEqual([]);
    for (const c of result.classes) {
      expect(c.total, `${c.kind} applies to no sampled entry`).toBeGreaterThan(0);
      expect(c.survivors, c.kind).toEqual([]);
    }
    expect(result.classes.map((c) => c.kind)).toEqual([...DEFECT_KINDS]);
  }, 120_000);
});
