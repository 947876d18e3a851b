import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import type { Deviation } from '../../reporting/deviation-types.ts';
import { applyDeviations, deviationProblems, loadDeviations } from '../../reporting/deviations.ts';
import { junitXml } from '../../reporting/junit.ts';
import { fakeCase, fakeResults, messageFailure } from '../__helpers__/fake-results.ts';

const catalog = loadCatalog();
const OP = 'Retrieve Card';
const ENTRY = 'card.card_not_found';
const DRIFTED = 'card not found or deactivatex';
const deviation = (patch: Partial<Deviation> = {}): Deviation => ({
  entry: ENTRY,
  operation: OP,
  observed: { message: DRIFTED },
  reason: 'vendor ticket 123',
  expires: '2026-12-31',
  ...patch,
});
const failing = () =>
  fakeResults(catalog, [
    messageFailure(fakeCase(catalog, OP, ENTRY), DRIFTED),
    fakeCase(catalog, OP, 'card.b.card_does_not_exists'),
  ]);

describe('applyDeviations', () => {
  it('turns a matching failure into a known deviation: not a pass, not a failure', () => {
    const results = applyDeviations(failing(), catalog, [deviation()], '2026-11-26');
    expect(results.summary.cases).toMatchObject({ total: 2, passed: 1, failed: 0, deviations: 1 });
    expect(results.cases[0]).toMatchObject({ outcome: 'deviation', deviation: { reason: 'vendor ticket 123' } });
    expect(results.entries.find((e) => e.id === ENTRY)?.outcome).toBe('deviation');
    expect(deviationProblems(results.deviations)).toEqual([]);
    const junit = junitXml(results, catalog);
    expect(junit).toContain('known deviation until 2026-12-31: vendor ticket 123');
    expect(junit).not.toContain('<failure');
  });

  it('applies through the expiry day, and from the next day on the case fails again', () => {
    expect(applyDeviations(failing(), catalog, [deviation()], '2026-12-31').summary.cases.failed).toBe(0);
    const expired = applyDeviations(failing(), catalog, [deviation()], '2027-01-01');
    expect(expired.summary.cases).toMatchObject({ failed: 1, deviations: 0 });
    expect(deviationProblems(expired.deviations)).toEqual([
      `known deviation ${ENTRY} on ${OP} expired on 2026-12-31; 1 case(s) fail again`,
    ]);
  });

  it('a deviation whose cases ran and none failed that way is stale', () => {
    const other = applyDeviations(
      failing(),
      catalog,
      [deviation({ observed: { message: 'something else' } })],
      '2026-11-26',
    );
    expect(other.summary.cases.failed).toBe(1);
    expect(deviationProblems(other.deviations)[0]).toContain('matches no failure any more');
  });

  it('does not cover a failed check it does not name, and ignores deviations whose cases did not run', () => {
    const statusToo = failing();
    const [c] = statusToo.cases;
    if (!c) throw new Error('no case');
    c.checks.push({ check: 'status', expected: 404, got: 500 });
    expect(applyDeviations(statusToo, catalog, [deviation()], '2026-11-26').summary.cases.failed).toBe(1);
    const elsewhere = applyDeviations(failing(), catalog, [deviation({ operation: 'Card Recharge' })], '2026-11-26');
    expect(elsewhere.deviations).toEqual({ applied: 0, expired: [], stale: [] });
  });

  it('re-judges a stored run: deviations applied earlier are undone first', () => {
    const once = applyDeviations(failing(), catalog, [deviation()], '2026-11-26');
    expect(applyDeviations(once, catalog, [], '2026-11-26').summary.cases.failed).toBe(1);
  });
});

describe('loadDeviations', () => {
  const file = (json: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'deviations-')), 'd.json');
    writeFileSync(path, JSON.stringify(json));
    return path;
  };

  it('reads the checked-in file', () => {
    expect(loadDeviations('conformance.deviations.json', catalog, true)).toEqual([]);
  });

  it.each([
    [{ deviations: [{ ...deviation(), expires: 'soon' }] }, '/deviations/0/expires must match format "date"'],
    [
      { deviations: [{ ...deviation(), observed: {} }] },
      '/deviations/0/observed must NOT have fewer than 1 properties',
    ],
    [{ deviations: [deviation({ entry: 'card.nope' })] }, 'names unknown entry card.nope'],
    [{ deviations: [deviation({ operation: 'Create Cardholder' })] }, 'is not documented on "Create Cardholder"'],
  ])('refuses %j with one line', (json, message) => {
    expect(() => loadDeviations(file(json), catalog, true)).toThrow(message);
  });

  it('a missing default file means none; a named one must exist', () => {
    expect(loadDeviations('/missing/d.json', catalog, false)).toEqual([]);
    expect(() => loadDeviations('/missing/d.json', catalog, true)).toThrow('cannot read the deviations file');
  });
});
