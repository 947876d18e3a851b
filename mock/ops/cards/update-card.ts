// Placeholder until the rules for these operations land.
import type { OpHandler } from '../context.ts';

export const updateCard: OpHandler = () => {
  throw new Error('updateCard is not implemented yet');
};
