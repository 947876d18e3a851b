// Placeholder until the rules for these operations land.
import type { OpHandler } from './context.ts';

export const retrieveIssuingBalance: OpHandler = () => {
  throw new Error('retrieveIssuingBalance is not implemented yet');
};
export const listIssuingBalances: OpHandler = () => {
  throw new Error('listIssuingBalances is not implemented yet');
};
export const listIssuingBalancesTransactions: OpHandler = () => {
  throw new Error('listIssuingBalancesTransactions is not implemented yet');
};
