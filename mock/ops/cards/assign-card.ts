// Placeholder until the rules for these operations land.
import type { OpHandler } from '../context.ts';

export const assignCard: OpHandler = () => {
  throw new Error('assignCard is not implemented yet');
};
