// Placeholder until the rules for these operations land.
import type { OpHandler } from '../context.ts';

export const activateCard: OpHandler = () => {
  throw new Error('activateCard is not implemented yet');
};
export const resetCardPin: OpHandler = () => {
  throw new Error('resetCardPin is not implemented yet');
};
