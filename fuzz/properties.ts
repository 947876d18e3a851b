// Every fuzz property of a run, in report order: the rule properties and their twins, structural fuzz per
// operation, precedence, idempotency and the model-based lifecycle.

import { IDEMPOTENCY_PROPERTIES } from './idempotency.ts';
import { LIFECYCLE_PROPERTY } from './lifecycle/index.ts';
import { allPrecedenceProperties } from './precedence.ts';
import { allRuleProperties } from './rules/index.ts';
import { allStructuralProperties } from './structural.ts';
import type { FuzzProperty } from './types.ts';

export function allProperties(): FuzzProperty[] {
  return [
    ...allRuleProperties(),
    ...allStructuralProperties(),
    ...allPrecedenceProperties(),
    ...IDEMPOTENCY_PROPERTIES,
    LIFECYCLE_PROPERTY,
  ];
}
