// Third-party KYC is asynchronous on the real platform: the cardholder answers PENDING while the proof is checked,
// then moves to SUCCESS with a cardholder.kyc.status_changed event (the vendor's webhook page). Create Cardholder and
// Update Cardholder with a THIRD_PARTY proof settle after options.settleMs, like card issuing; at 0 they answer
// SUCCESS at once, as before. One-step Create Card keeps verifying inline: its card is issued in the same request.

import type { Cardholder } from '../../state/types.ts';
import type { World } from '../../state/world.ts';
import type { OpContext } from '../context.ts';
import { renderCardholder } from '../render.ts';
import type { CardholderInput } from './cardholder-input.ts';

export function settleThirdPartyKyc(ctx: OpContext, holder: Cardholder, input: CardholderInput): void {
  if (input.kyc_verification?.method !== 'THIRD_PARTY' || holder.status !== 'SUCCESS') return;
  holder.status = 'PENDING';
  ctx.world.settlements.schedule(ctx.options.settleMs, () => settle(ctx.world, holder));
}

function settle(world: World, holder: Cardholder): void {
  if (holder.status !== 'PENDING') return;
  holder.status = 'SUCCESS';
  world.events.emit('cardholder.kyc.status_changed', holder.id, {
    ...renderCardholder(world, holder),
    idv_provider: 'SUMSUB',
    idv_status: 'PASSED',
    update_time: world.now().toISOString(),
  });
}
