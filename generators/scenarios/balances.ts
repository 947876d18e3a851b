// Scenarios for balance.account_balance_error on the three balance reads. The fault is the account the request acts
// for: a sub-account with no issuing balance, or one whose balance is frozen. The valid twin drops x-on-behalf-of,
// so the master account, which holds an ACTIVE SGD balance, answers the same request.

import type { RequestSpec } from '../../contract/request.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

type Unusable = 'no-balance' | 'balance-unavailable';

const requests = {
  'Retrieve Issuing Balance': { operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } },
  'List Issuing Balances': { operation: 'List Issuing Balances', query: { currency: 'SGD' } },
  'List Issuing Balances Transactions': { operation: 'List Issuing Balances Transactions', query: { currency: 'SGD' } },
} satisfies Record<string, RequestSpec>;

const asSubAccount = async (ctx: ScenarioContext, spec: RequestSpec, name: Unusable): Promise<RequestSpec> => ({
  ...spec,
  onBehalfOf: (await ctx.fixtures.subAccount(name)).id,
});

const scenario = (operation: keyof typeof requests, subAccount: Unusable, fault: string): Scenario => ({
  entry: 'balance.account_balance_error',
  operation,
  fault,
  provoke: async (ctx) => {
    const spec = requests[operation] as RequestSpec;
    return { faulty: await asSubAccount(ctx, spec, subAccount), twin: spec };
  },
});

export const balanceScenarios: Scenario[] = [
  scenario('Retrieve Issuing Balance', 'balance-unavailable', 'currency whose balance is frozen'),
  scenario('List Issuing Balances', 'no-balance', 'currency filter without any balance'),
  scenario('List Issuing Balances Transactions', 'no-balance', 'currency filter without any balance'),
];
