// Placeholder until the rules for these operations land.
import type { OpHandler } from '../context.ts';

export const listCardholders: OpHandler = () => {
  throw new Error('listCardholders is not implemented yet');
};
export const retrieveCardholder: OpHandler = () => {
  throw new Error('retrieveCardholder is not implemented yet');
};
