// Precedence: requests with two faults at once (two rules of the same operation on different fields). The page
// does not say which error wins, so the property records the winner the target shows as an observation, and
// requires it to be one of the two entries and the same on every case (stable across seeds and values).

import fc from 'fast-check';
import { validRequest } from '../generators/valid-requests.ts';
import { RULES, ruleRequest } from './rules/index.ts';
import type { Rule } from './rules/types.ts';
import { documentedAs, guarded, send } from './send.ts';
import { CaseEnvironmentError, CaseFailure, type FuzzContext, type FuzzProperty } from './types.ts';

/** Pairs of rules on one operation whose fields (and context fields) do not overlap: at most a few per operation. */
export function precedencePairs(perOperation = 3): [Rule, Rule][] {
  const pairs: [Rule, Rule][] = [];
  const fieldsOf = (r: Rule) => {
    try {
      return [r.field, ...Object.keys(r.context?.({} as never) ?? {})];
    } catch {
      return [r.field, 'body:*']; // a context that needs arranged data: pair it with nothing
    }
  };
  for (const operation of new Set(RULES.map((r) => r.operation))) {
    const rules = RULES.filter((r) => r.operation === operation && !r.base && !r.field.startsWith('header:'));
    let count = 0;
    for (let i = 0; i < rules.length && count < perOperation; i++) {
      for (let j = i + 1; j < rules.length && count < perOperation; j++) {
        const [a, b] = [rules[i] as Rule, rules[j] as Rule];
        if (a.entry === b.entry) continue;
        const overlap = fieldsOf(a).some((f) =>
          fieldsOf(b).some((g) => f.startsWith(g) || g.startsWith(f) || f.endsWith('*') || g.endsWith('*')),
        );
        if (overlap) continue;
        pairs.push([a, b]);
        count++;
      }
    }
  }
  return pairs;
}

export function precedenceProperty(a: Rule, b: Rule): FuzzProperty {
  const name = `precedence › ${a.operation} › ${a.entry} + ${b.entry}`;
  return {
    name,
    entry: `${a.entry} + ${b.entry}`,
    operation: a.operation,
    kind: 'precedence',
    note: 'the page does not say which error wins: the winner is an observation, required stable',
    maxRuns: 50,
    build: (fz: FuzzContext) =>
      fc.asyncProperty(a.outside, b.outside, async (va, vb) => {
        const spec = await guarded(async () => {
          const withA = await ruleRequest(a, fz.ctx, await validRequest(fz.ctx, a.operation), va);
          return ruleRequest(b, fz.ctx, withA, vb);
        });
        const observed = await send(fz, spec);
        const sent = { spec, observed };
        if (observed.status >= 500 || observed.status === 429)
          throw new CaseEnvironmentError(`the target answered ${observed.status}`, sent);
        const winner = documentedAs(fz, observed).find((id) => id === a.entry || id === b.entry);
        if (!winner) {
          throw new CaseFailure(
            `neither ${a.entry} nor ${b.entry}: ${observed.status} ${observed.text.slice(0, 160)}`,
            sent,
          );
        }
        const first = fz.observations.get(name);
        if (first === undefined) fz.observations.set(name, winner);
        else if (first !== winner)
          throw new CaseFailure(`unstable precedence: ${first} won before, now ${winner}`, sent);
      }),
  };
}

export function allPrecedenceProperties(): FuzzProperty[] {
  return precedencePairs().map(([a, b]) => precedenceProperty(a, b));
}
