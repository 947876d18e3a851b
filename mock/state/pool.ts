// The provisioned physical card pool never runs dry: a long-lived mock (npm run mock, run after run) provisions a
// fresh batch on the same product and account whenever fewer than a quarter of a batch are left unassigned.

import { newPan } from './factories.ts';
import type { World } from './world.ts';

export const POOL_BATCH = 256;

/** Provisions another batch when the unassigned cards run low; returns how many were added. */
export function replenishPool(world: World): number {
  const template = world.pool[0];
  if (!template) return 0;
  const free = world.pool.filter((p) => !p.assigned).length;
  if (free >= POOL_BATCH / 4) return 0;
  const product = world.products.get(template.productId);
  if (!product) return 0;
  for (let i = 0; i < POOL_BATCH; i++) {
    world.pool.push({
      accountId: template.accountId,
      pan: newPan(world, product.bin),
      activationCode: world.faker.string.numeric(6),
      productId: product.id,
      assigned: false,
    });
  }
  return POOL_BATCH;
}
