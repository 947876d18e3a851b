// The set of rules to fuzz is derived, not hand-kept: every documented (entry, operation) pair whose trigger is a
// request rule (catalog/errors.json × catalog/triggers.json) has a rule property and a twin, or is exempt in
// fuzz/exemptions.json with one of the two accepted reasons; no exemption is left that is not needed. Also: every
// rule names an entry that documents its operation, every boundary taken from the mock is listed in mock/RULES.md §3,
// and property names are unique.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import {
  coverageDetail,
  EXEMPTION_REASONS,
  exemptionProblems,
  loadExemptions,
  requestRulePairs,
} from '../../fuzz/coverage.ts';
import { allProperties } from '../../fuzz/properties.ts';
import { RULES, ruleLabel } from '../../fuzz/rules/index.ts';
import type { Rule } from '../../fuzz/rules/types.ts';

const catalog = loadCatalog();
const rulesMd = readFileSync(new URL('../../mock/RULES.md', import.meta.url), 'utf8');
const observations = rulesMd.slice(rulesMd.indexOf('## 3. Observations'));
/** The first table row of `text` naming the rule's entry, operation and field. */
const rowOf = (text: string, rule: Rule) =>
  text
    .split('\n')
    .find(
      (line) =>
        line.startsWith(`| \`${rule.entry}\``) &&
        line.includes(`| ${rule.operation} `) &&
        line.includes(`\`${rule.field}\``),
    );
const pairName = (p: { entry: string; operation: string }) => `${p.entry} @ ${p.operation}`;

describe('fuzz rule table', () => {
  it('has a rule property and a twin, or a reasoned exemption, for every documented request-rule pair', () => {
    expect(coverageDetail().uncovered.map(pairName)).toEqual([]);
  });

  it('exempts only request-rule pairs without a property, each for an accepted reason', () => {
    expect(exemptionProblems(loadExemptions())).toEqual([]);
  });

  it('refuses an exemption that is not needed, of no documented pair, or for another reason', () => {
    const reason = EXEMPTION_REASONS[0];
    expect(
      exemptionProblems([
        { entry: 'card.b.invalid_activation_code', operation: 'Activate Card', reason },
        { entry: 'card.card_not_found', operation: 'Card Recharge', reason },
        { entry: 'card.limit_out_of_range', operation: 'Create Card', reason: 'too hard' },
      ]).map((p) => p.split(/[;:]/u)[0]),
    ).toEqual([
      'card.b.invalid_activation_code @ Activate Card has a property',
      'card.card_not_found @ Card Recharge is not a documented request-rule pair',
      'card.limit_out_of_range @ Create Card has a property',
      'card.limit_out_of_range @ Create Card',
    ]);
  });

  it('finds a pair uncovered when its only rule is removed (the check can fail)', () => {
    const rule = RULES.find((r) => r.entry === 'card.b.invalid_activation_code');
    expect(rule).toBeDefined();
    const uncovered = coverageDetail(RULES.filter((r) => r !== rule)).uncovered.map(pairName);
    expect(uncovered).toEqual(['card.b.invalid_activation_code @ Activate Card']);
  });

  it('counts a general row once, and every operation a resource row names', () => {
    const pairs = requestRulePairs();
    expect(pairs.filter((p) => p.entry === 'general.invalid_request_error').map((p) => p.operation)).toEqual(['*']);
    const entry = catalog.entryById.get('cardholder.identity_file_missing');
    expect(pairs.filter((p) => p.entry === 'cardholder.identity_file_missing').map((p) => p.operation)).toEqual(
      entry?.operations,
    );
  });

  it.each(RULES.map((r) => [ruleLabel(r), r] as const))('%s names a catalog entry of its operation', (_, rule) => {
    const entry = catalog.entryById.get(rule.entry);
    expect(entry, rule.entry).toBeDefined();
    if (entry && entry.operations !== '*') expect(entry.operations).toContain(rule.operation);
  });

  it('lists every boundary taken from the mock in mock/RULES.md §3 (entry, operation and field)', () => {
    for (const rule of RULES.filter((r) => r.source === 'mock')) {
      expect(
        rowOf(observations, rule),
        `${ruleLabel(rule)} (${rule.field}) is missing from mock/RULES.md §3`,
      ).toBeDefined();
    }
  });

  it('lists every recorded disagreement between the sources in mock/RULES.md §3', () => {
    const table = observations.slice(observations.indexOf('Where the sources disagree'));
    for (const rule of RULES.filter((r) => r.disagreement)) {
      const row = rowOf(table, rule);
      expect(row, `${ruleLabel(rule)}: its disagreement is missing from mock/RULES.md §3`).toBeDefined();
      for (const source of rule.disagreement?.sources ?? []) expect(row).toContain(source);
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
