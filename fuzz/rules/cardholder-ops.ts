// The cardholder field rules on every operation their entry names: a Create Cardholder rule again on Update
// Cardholder (a cardholder of its own, made for each base) and on one-step Create Card (the same fields under
// cardholder_required_fields, no cardholder_id). Which operations comes from the catalog, never a copied list.

import { loadCatalog } from '../../catalog/load.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody, newCardholder } from '../../generators/arrange.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import type { Rule } from './types.ts';

type HolderOperation = 'Update Cardholder' | 'Create Card';
const HOLDER_OPERATIONS: readonly string[] = ['Update Cardholder', 'Create Card'];
const SUPPLEMENT = 'cardholder_required_fields';
/** Most twin runs there: each twin case makes a cardholder (and on Create Card a card) that later cases list. */
const TWIN_RUNS = 20;

/** An Update Cardholder request on a new cardholder (made from `overrides`); its body is the rule's. */
export const updateHolderBase =
  (overrides: Record<string, unknown> = {}) =>
  async (ctx: ScenarioContext): Promise<RequestSpec> => ({
    operation: 'Update Cardholder',
    params: { cardholder_id: await newCardholder(ctx, overrides) },
    body: {},
  });

/** A one-step Create Card request: a complete new cardholder, on the SHARE-mode product (no balance moves). */
export async function oneStepBase(ctx: ScenarioContext): Promise<RequestSpec> {
  const { cardholder_id: _, ...body } = await createCardBody(ctx, { product: 'shared', cardholderId: 'none' });
  return { operation: 'Create Card', body: { ...body, [SUPPLEMENT]: ctx.data.cardholder() } };
}

/** "body:x" on Create Card is "body:cardholder_required_fields.x". */
const moveField = (operation: HolderOperation, field: string) =>
  operation === 'Create Card' ? field.replace(/^body:/u, `body:${SUPPLEMENT}.`) : field;

/** The rule on another cardholder operation; `changes` override what differs there (a base, a boundary). */
export function onOperation(rule: Rule, operation: HolderOperation, changes: Partial<Rule> = {}): Rule {
  const context = rule.context;
  return {
    ...rule,
    operation,
    field: moveField(operation, rule.field),
    base: operation === 'Create Card' ? oneStepBase : updateHolderBase(),
    twinRuns: Math.min(rule.twinRuns ?? TWIN_RUNS, TWIN_RUNS),
    ...(context
      ? {
          context: async (ctx: ScenarioContext) =>
            Object.fromEntries(
              Object.entries(await context(ctx)).map(([field, value]) => [moveField(operation, field), value]),
            ),
        }
      : {}),
    ...changes,
  };
}

/**
 * Every Create Cardholder rule, and the same rule on each other cardholder operation its catalog entry names.
 * `changes` (by "<entry> › <operation>") adjust one of them.
 */
export function acrossCardholderOperations(
  rules: readonly Rule[],
  changes: Record<string, Partial<Rule>> = {},
): Rule[] {
  const catalog = loadCatalog();
  return rules.flatMap((rule) => {
    const entry = catalog.entryById.get(rule.entry);
    if (rule.operation !== 'Create Cardholder' || !entry || entry.operations === '*') return [rule];
    const others = entry.operations.filter((op): op is HolderOperation => HOLDER_OPERATIONS.includes(op));
    return [rule, ...others.map((op) => onOperation(rule, op, changes[`${rule.entry} › ${op}`]))];
  });
}
