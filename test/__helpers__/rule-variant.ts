// The mock variant that moves one rule of the table by one unit, both ways at once: the value just outside the
// boundary is rewritten to one just inside (the rule widened: the outside property must fail), and the value just
// inside to one just outside (the rule narrowed: the twin must fail). Only that rule's operation and field change.

import { ruleLabel } from '../../fuzz/rules/index.ts';
import type { Rule } from '../../fuzz/rules/types.ts';
import type { RuleVariant } from '../../mock/rule-variants.ts';

export function ruleVariant(rule: Rule): RuleVariant {
  const { edge } = rule;
  return {
    name: `moved by one unit: ${ruleLabel(rule)}`,
    rewrites: [
      {
        operation: rule.operation,
        field: rule.field,
        rewrite: (value) => {
          if (edge.isOutside(value)) return edge.toInside(value);
          if (edge.isInside(value)) return edge.toOutside(value);
          return undefined;
        },
      },
    ],
  };
}
