// Update Card rules beyond cards.ts: card_limit above 0 and not below what was spent, spending control intervals
// and amounts, both MCC lists at once, and allowed MCCs the product does not permit.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard } from '../../generators/arrange.ts';
import { authorization } from '../../generators/requests.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { money } from '../values.ts';
import { bothMccLists } from './create-card.ts';
import { constEdge, type Rule } from './types.ts';

const OP = 'Update Card';
const INTERVALS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ALL_TIME'];
/** The MCCs the mock's restricted-mcc product permits (its fixture). */
const PERMITTED_MCCS = ['5734', '5411'];
const SPENT = 50;

/** Update Card on a card of its own (made once per run and rule). */
const ownCard =
  (key: string, product?: 'shared' | 'restricted-mcc', prepare?: (ctx: ScenarioContext, id: string) => Promise<void>) =>
  async (ctx: ScenarioContext): Promise<RequestSpec> => {
    const cardId = await ctx.shared.once(`fuzz-update-card-${key}`, async () => {
      const id = await newCard(ctx, product ? { product } : {});
      await prepare?.(ctx, id);
      return id;
    });
    return { operation: OP, params: { card_id: cardId }, body: {} };
  };

/** A SHARE-mode card (limit 100) that has spent SPENT through an approved simulated authorization. */
const spentCard = ownCard('spent', 'shared', async (ctx, id) => {
  await ctx.arrange(authorization(ctx, id, { transaction_amount: SPENT }));
});

const control = (interval: string, amount: number) => [{ interval, amount }];

export const UPDATE_CARD_RULES: Rule[] = [
  {
    entry: 'card.b.failed_update_card_limit_should_be_greater_than_0',
    operation: OP,
    subject: 'card_limit above 0',
    field: 'body:card_limit',
    base: ownCard('limit-positive', 'shared'),
    outside: fc.oneof(
      fc.constant(0),
      money(0.01, 10_000).map((m) => -m),
    ),
    inside: money(0.01, 10_000),
    edge: constEdge(0, 0.01),
    boundary: 'greater than 0',
    source: 'page',
  },
  {
    entry: 'card.b.update_card_limit_is_less_than_the_amount_of_used_card',
    operation: OP,
    subject: 'card_limit not below the amount spent',
    field: 'body:card_limit',
    base: spentCard,
    outside: money(0.01, SPENT - 0.01),
    inside: money(SPENT, 10_000),
    edge: constEdge(SPENT - 0.01, SPENT),
    boundary: `at least the amount already spent (${SPENT} on the rule's card; equal is accepted)`,
    source: 'page',
  },
  {
    entry: 'card.b.spending_controls_is_error',
    operation: OP,
    subject: 'spending control interval and amount',
    field: 'body:spending_controls',
    base: ownCard('spending-controls'),
    outside: fc.oneof(
      fc
        .tuple(
          fc
            .oneof(fc.constantFrom('daily', 'HOURLY', 'PER_DAY', 'ANNUAL'), fc.string({ minLength: 1, maxLength: 10 }))
            .filter((i) => i !== 'PER_TRANSACTION' && !INTERVALS.includes(i)),
          money(0, 1000),
        )
        .map(([interval, amount]) => control(interval, amount)),
      fc
        .tuple(fc.constantFrom(...INTERVALS), money(0.01, 1000))
        .map(([interval, amount]) => control(interval, -amount)),
    ),
    inside: fc.tuple(fc.constantFrom(...INTERVALS), money(0, 1000)).map(([i, a]) => control(i, a)),
    edge: constEdge(control('DAILY', -0.01), control('DAILY', 0)),
    boundary: 'an interval of DAILY, WEEKLY, MONTHLY, YEARLY, ALL_TIME (or PER_TRANSACTION) with an amount ≥ 0',
    source: 'mock',
  },
  {
    entry: 'card.b.risk_control_setting_is_not_allowed',
    operation: OP,
    subject: 'allowed_mcc and blocked_mcc together',
    field: 'body:risk_controls',
    base: ownCard('risk-controls'),
    ...bothMccLists,
    boundary: 'allowed_mcc or blocked_mcc, not both',
    source: 'mock',
  },
  {
    entry: 'card.b.restrict_config_error',
    operation: OP,
    subject: "allowed_mcc within the product's permitted MCCs",
    field: 'body:risk_controls',
    base: ownCard('restricted-mcc', 'restricted-mcc'),
    outside: fc
      .tuple(fc.subarray(PERMITTED_MCCS), fc.array(fc.stringMatching(/^\d{4}$/u), { minLength: 1, maxLength: 3 }))
      .filter(([, extra]) => extra.some((m) => !PERMITTED_MCCS.includes(m)))
      .map(([permitted, extra]) => ({ allowed_mcc: [...permitted, ...extra] })),
    inside: fc.subarray(PERMITTED_MCCS, { minLength: 1 }).map((allowed_mcc) => ({ allowed_mcc })),
    edge: constEdge({ allowed_mcc: ['5412'] }, { allowed_mcc: ['5411'] }),
    boundary: `allowed_mcc only among the product's permitted MCCs (${PERMITTED_MCCS.join(', ')} on the restricted-mcc fixture)`,
    source: 'mock',
  },
];
