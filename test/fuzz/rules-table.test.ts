// The fuzz rule table is derived from the catalog: every rule names an entry that exists and documents the rule's
// operation; every rule whose boundary comes from the mock is listed in mock/RULES.md §3; names are unique.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allProperties } from '../../fuzz/properties.ts';
import { RULES, ruleLabel } from '../../fuzz/rules/index.ts';

const catalog = loadCatalog();
const rulesMd = readFileSync(new URL('../../mock/RULES.md', import.meta.url), 'utf8');
const observations = rulesMd.slice(rulesMd.indexOf('## 3. Observations'));

describe('fuzz rule table', () => {
  it.each(RULES.map((r) => [ruleLabel(r), r] as const))('%s names a catalog entry of its operation', (_, rule) => {
    const entry = catalog.entryById.get(rule.entry);
    expect(entry, rule.entry).toBeDefined();
    if (entry && entry.operations !== '*') expect(entry.operations).toContain(rule.operation);
  });

  it('lists every boundary taken from the mock in mock/RULES.md §3', () => {
    for (const rule of RULES.filter((r) => r.source === 'mock')) {
      const row = `| \`${rule.entry}\``;
      const rows = observations
        .split('\n')
        .filter((line) => line.startsWith(row) && line.includes(`\`${rule.field}\``));
      expect(rows.length, `${ruleLabel(rule)} is missing from mock/RULES.md §3`).toBeGreaterThan(0);
    }
  });

  it('gives every property a unique name and an entry of the catalog (or none)', () => {
    const properties = allProperties();
    expect(new Set(properties.map((p) => p.name)).size).toBe(properties.length);
    for (const p of properties) {
      for (const id of (p.entry ?? '').split(' + ').filter(Boolean)) expect(catalog.entryById.has(id), id).toBe(true);
    }
  });
});
