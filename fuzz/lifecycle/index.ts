// The model-based lifecycle property: fc.commands over one virtual card per sequence, acting as a sub-account whose
// issuing balance no other property moves, so balances can be predicted exactly. fast-check shrinks a failure to
// the shortest sequence of steps that still fails.

import fc from 'fast-check';
import { newCardholder } from '../../generators/arrange.ts';
import { guarded } from '../send.ts';
import type { FuzzContext, FuzzProperty } from '../types.ts';
import { createStep, type LifecycleReal, lifecycleCommands } from './commands.ts';
import { type LifecycleModel, toCents } from './model.ts';

export const LIFECYCLE_PROPERTY: FuzzProperty = {
  name: 'model › card lifecycle › create, activate, freeze, unfreeze, recharge, withdraw, limits, cancel, authorize, reverse, read',
  entry: null,
  operation: 'Create Card',
  kind: 'model',
  note: 'after every step: the predicted entry for an illegal step, status and balances after a legal one',
  maxRuns: 60,
  build: (fz: FuzzContext) =>
    fc.asyncProperty(fc.commands(lifecycleCommands(), { maxCommands: 15 }), async (commands) => {
      const { ctx } = fz;
      const real: LifecycleReal = await guarded(async () => {
        const sub = await ctx.fixtures.subAccount('active');
        // A cardholder per sequence: the account caps cards per cardholder.
        const cardholderId = await newCardholder(ctx, {}, sub.id);
        return {
          fz,
          onBehalfOf: sub.id,
          cardholderId,
          productId: await ctx.fixtures.product('standard'),
          cardId: null,
        };
      });
      const balance = await guarded(() =>
        ctx.arrange({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' }, onBehalfOf: real.onBehalfOf }),
      );
      const model: LifecycleModel = {
        card: null,
        balanceCents: toCents(balance.available_balance),
        authorizations: [],
      };
      // Every sequence starts with a card, so every command applies from its first step.
      await createStep(model, real, 1000);
      await fc.asyncModelRun(() => ({ model, real }), commands);
    }),
};
