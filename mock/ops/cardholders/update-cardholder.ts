// Placeholder until the rules for these operations land.
import type { OpHandler } from '../context.ts';

export const updateCardholder: OpHandler = () => {
  throw new Error('updateCardholder is not implemented yet');
};
