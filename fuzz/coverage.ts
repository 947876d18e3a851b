// Which documented request-rule pairs the rule table covers. The pairs come from the catalog (every operation an
// entry names; a general row once, as "*") and catalog/triggers.json (only request-rule triggers); a pair is covered
// by a rule of that entry and operation (any operation for a general row) that has a twin, or exempt with a reason
// in fuzz/exemptions.json. reports/fuzz.json carries the result; the READMEs quote coverageSentence().

import { readFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/load.ts';
import { loadTriggers } from '../catalog/triggers.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rules/types.ts';

export interface Pair {
  entry: string;
  /** An operation the entry names, or "*" for a general row (counted once). */
  operation: string;
}

export interface Exemption extends Pair {
  reason: string;
}

export interface FuzzCoverage {
  pairs_documented: number;
  pairs_with_property: number;
  exempt: Exemption[];
}

/** The only reasons a request-rule pair may go without a rule property (issue 18). */
export const EXEMPTION_REASONS = [
  'the lifecycle model covers it',
  'it needs a state that no request can create',
] as const;

const EXEMPTIONS_FILE = new URL('./exemptions.json', import.meta.url);

export function loadExemptions(): Exemption[] {
  return (JSON.parse(readFileSync(EXEMPTIONS_FILE, 'utf8')) as { exemptions: Exemption[] }).exemptions;
}

/** Every documented (entry, operation) pair whose trigger is a request rule. */
export function requestRulePairs(): Pair[] {
  const catalog = loadCatalog();
  const triggers = loadTriggers(catalog);
  return catalog.entries.flatMap((e) =>
    (e.operations === '*' ? ['*'] : e.operations)
      .filter((operation) => triggers.kindOf(e.id, operation) === 'request-rule')
      .map((operation) => ({ entry: e.id, operation })),
  );
}

/** Does a rule (and so its twin) probe this pair? */
export function hasProperty(pair: Pair, rules: readonly Rule[] = RULES): boolean {
  return rules.some((r) => r.entry === pair.entry && (pair.operation === '*' || r.operation === pair.operation));
}

const key = (p: Pair) => `${p.entry} @ ${p.operation}`;

export interface CoverageDetail extends FuzzCoverage {
  /** Pairs with neither a property nor an exemption (npm test fails on any). */
  uncovered: Pair[];
}

export function coverageDetail(rules: readonly Rule[] = RULES, exemptions = loadExemptions()): CoverageDetail {
  const pairs = requestRulePairs();
  const exempt = new Set(exemptions.map(key));
  const covered = pairs.filter((p) => hasProperty(p, rules));
  return {
    pairs_documented: pairs.length,
    pairs_with_property: covered.length,
    exempt: pairs.filter((p) => !hasProperty(p, rules) && exempt.has(key(p))).map((p) => exemptionOf(exemptions, p)),
    uncovered: pairs.filter((p) => !hasProperty(p, rules) && !exempt.has(key(p))),
  };
}

/** What is wrong with the exemptions: a pair that is not a documented request-rule pair, one that has a property
 * (the exemption is not needed), or a reason outside EXEMPTION_REASONS. */
export function exemptionProblems(exemptions: readonly Exemption[], rules: readonly Rule[] = RULES): string[] {
  const pairs = new Set(requestRulePairs().map(key));
  return exemptions.flatMap((e) => [
    ...(pairs.has(key(e)) ? [] : [`${key(e)} is not a documented request-rule pair`]),
    ...(hasProperty(e, rules) ? [`${key(e)} has a property; drop its exemption`] : []),
    ...((EXEMPTION_REASONS as readonly string[]).includes(e.reason)
      ? []
      : [`${key(e)}: "${e.reason}" is not one of: ${EXEMPTION_REASONS.join('; ')}`]),
  ]);
}

function exemptionOf(exemptions: Exemption[], pair: Pair): Exemption {
  return exemptions.find((e) => key(e) === key(pair)) as Exemption;
}

/** The coverage figure reports/fuzz.json carries. */
export function fuzzCoverage(): FuzzCoverage {
  const { pairs_documented, pairs_with_property, exempt } = coverageDetail();
  return { pairs_documented, pairs_with_property, exempt };
}

/** The sentence the READMEs quote word for word (test/fuzz/coverage-readme.test.ts). */
export function coverageSentence(c: FuzzCoverage = fuzzCoverage()): string {
  const neither = c.pairs_documented - c.pairs_with_property - c.exempt.length;
  return (
    `Of the ${c.pairs_documented} documented (entry, operation) pairs whose trigger is a request rule, ` +
    `${c.pairs_with_property} have a rule property and a twin, and ${c.exempt.length} are exempt with a reason in ` +
    `\`fuzz/exemptions.json\`${neither > 0 ? `; ${neither} have neither` : ''}.`
  );
}

/** The console line of `npm run fuzz`. */
export function coverageLine(c: FuzzCoverage): string {
  return `rule coverage: ${c.pairs_with_property}/${c.pairs_documented} request-rule pairs have a property, ${c.exempt.length} exempt`;
}
