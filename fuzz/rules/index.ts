// Every rule of the table, and the two properties each yields: values just outside the boundary give exactly the
// rule's catalog entry; values just inside (the twin) succeed. Names: "rule › <operation> › <entry> › <subject>".

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { validRequest } from '../../generators/valid-requests.ts';
import { expectEntry, expectSuccess, guarded, send } from '../send.ts';
import type { FuzzContext, FuzzProperty } from '../types.ts';
import { materialise, withField } from '../values.ts';
import { ACTIVATE_CARD_RULES } from './activate-card.ts';
import { CARD_STATE_RULES } from './card-states.ts';
import { CARDHOLDER_DOCUMENT_RULES } from './cardholder-documents.ts';
import { CARDHOLDER_IDENTITY_RULES, UPDATE_CARDHOLDER_RULES } from './cardholder-identity.ts';
import { acrossCardholderOperations, updateHolderBase } from './cardholder-ops.ts';
import { CARDHOLDER_RULES } from './cardholders.ts';
import { CARD_RULES } from './cards.ts';
import { CREATE_CARD_RULES } from './create-card.ts';
import { GENERAL_RULES } from './general.ts';
import { ONE_STEP_RULES } from './one-step.ts';
import { REQUEST_RULES } from './requests.ts';
import type { Rule } from './types.ts';
import { UPDATE_CARD_RULES } from './update-card.ts';

export const RULES: readonly Rule[] = [
  // The Create Cardholder rules, each also on Update Cardholder and one-step Create Card where its entry says so.
  ...acrossCardholderOperations([...CARDHOLDER_RULES, ...CARDHOLDER_DOCUMENT_RULES, ...CARDHOLDER_IDENTITY_RULES], {
    // On Update the date of birth on file counts: the rule's cardholder has none.
    'cardholder.missing_date_of_birth › Update Cardholder': { base: updateHolderBase({ date_of_birth: undefined }) },
  }),
  ...UPDATE_CARDHOLDER_RULES,
  ...ONE_STEP_RULES,
  ...CARD_RULES,
  ...CREATE_CARD_RULES,
  ...UPDATE_CARD_RULES,
  ...ACTIVATE_CARD_RULES,
  ...CARD_STATE_RULES,
  ...GENERAL_RULES,
  ...REQUEST_RULES,
];

export function ruleLabel(rule: Rule): string {
  return `${rule.operation} › ${rule.entry} › ${rule.subject}`;
}

/** The rule's request with `value` at its field: the valid base, the rule's context, then the value. */
export async function ruleRequest(rule: Rule, ctx: ScenarioContext, base: RequestSpec, value: unknown) {
  let spec = base;
  for (const [field, v] of Object.entries((await rule.context?.(ctx)) ?? {})) {
    spec = withField(spec, field, await materialise(v, ctx));
  }
  const made = await materialise(value, ctx);
  return withField(spec, rule.field, rule.derive ? rule.derive(made, base) : made);
}

/** The rule's valid request before its value goes in: its own base (a derive may read it), else the generators'. */
export const baseOf = (rule: Rule, ctx: ScenarioContext) =>
  rule.base ? rule.base(ctx) : validRequest(ctx, rule.operation);

/**
 * Values of one side of the boundary with the edge among them as a generated value (half of the cases), not only
 * as the example tried first: a property run without examples still meets the boundary, so a target whose boundary
 * sits one unit off is found by generation (the kill rate of npm run selfcheck runs without examples).
 */
export function edgeBiased(values: fc.Arbitrary<unknown>, edge: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(values, fc.constant(edge));
}

export function ruleProperties(rule: Rule): FuzzProperty[] {
  const label = ruleLabel(rule);
  const outside: FuzzProperty = {
    name: `rule › ${label}`,
    entry: rule.entry,
    operation: rule.operation,
    kind: 'rule',
    note: `${rule.boundary} (${rule.source})`,
    examples: [[rule.edge.outside]],
    ...(rule.runs ? { maxRuns: rule.runs } : {}),
    build: (fz: FuzzContext) => {
      // A refused request changes nothing, so every case can share one base request.
      let base: Promise<RequestSpec> | undefined;
      return fc.asyncProperty(edgeBiased(rule.outside, rule.edge.outside), async (value) => {
        base ??= guarded(() => baseOf(rule, fz.ctx));
        const shared = base;
        const spec = await guarded(async () => ruleRequest(rule, fz.ctx, await shared, value)).catch((error) => {
          base = undefined;
          throw error;
        });
        expectEntry(fz, rule.entry, spec, await send(fz, spec));
      });
    },
  };
  const twin: FuzzProperty = {
    name: `twin › ${label}`,
    entry: rule.entry,
    operation: rule.operation,
    kind: 'twin',
    note: `just inside: ${rule.boundary} (${rule.source})`,
    examples: [[rule.edge.inside]],
    ...(rule.twinRuns ? { maxRuns: rule.twinRuns } : {}),
    build: (fz: FuzzContext) =>
      fc.asyncProperty(edgeBiased(rule.inside, rule.edge.inside), async (value) => {
        // An accepted request may change state (a card frozen, a cardholder created): a fresh base every case.
        const spec = await guarded(async () => ruleRequest(rule, fz.ctx, await baseOf(rule, fz.ctx), value));
        expectSuccess(fz, spec, await send(fz, spec));
      }),
  };
  return [outside, twin];
}

export function allRuleProperties(): FuzzProperty[] {
  return RULES.flatMap(ruleProperties);
}
