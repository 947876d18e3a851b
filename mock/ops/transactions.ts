// Placeholder until the rules for these operations land.
import type { OpHandler } from './context.ts';

export const listCardsTransactions: OpHandler = () => {
  throw new Error('listCardsTransactions is not implemented yet');
};
export const retrieveCardsTransaction: OpHandler = () => {
  throw new Error('retrieveCardsTransaction is not implemented yet');
};
export const simulateAuthorization: OpHandler = () => {
  throw new Error('simulateAuthorization is not implemented yet');
};
export const simulateReversal: OpHandler = () => {
  throw new Error('simulateReversal is not implemented yet');
};
