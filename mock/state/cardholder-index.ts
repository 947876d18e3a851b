// An account's cardholders by the values that must stay unique in it: email (in any case), phone number, identity
// number and KYC reference id. A fuzz run creates thousands of cardholders, and scanning all of them on every Create
// Cardholder made the mock slower the longer a run went on; the index answers at once.
//
// Built from the world's cardholders on first use (seed data included). Cardholders are made only by makeCardholder
// and change these fields only in applyInput, and both call indexCardholder. An entry whose cardholder has changed
// since is left in place and filtered out at lookup, where every candidate is checked against its current value.

import type { Cardholder } from './types.ts';
import type { World } from './world.ts';

export type UniqueField = 'email' | 'phone' | 'identity' | 'reference';

interface Index {
  world: World;
  byKey: Map<string, Set<Cardholder>>;
}

const INDEXES = new WeakMap<World, Index>();
/** The index each indexed cardholder is in (applyInput knows the cardholder, not its world). */
const INDEX_OF = new WeakMap<Cardholder, Index>();

function heldValue(holder: Cardholder, field: UniqueField): string | undefined {
  if (field === 'email') return holder.email.toLowerCase();
  if (field === 'phone') return holder.phoneNumber;
  if (field === 'identity') return holder.identity?.number;
  return holder.kycReferenceId ?? undefined;
}

const FIELDS: readonly UniqueField[] = ['email', 'phone', 'identity', 'reference'];
const keyOf = (accountId: string, field: UniqueField, value: string) => `${field}\u0000${accountId}\u0000${value}`;

function add(index: Index, holder: Cardholder): void {
  INDEX_OF.set(holder, index);
  for (const field of FIELDS) {
    const value = heldValue(holder, field);
    if (value === undefined) continue;
    const key = keyOf(holder.accountId, field, value);
    let holders = index.byKey.get(key);
    if (!holders) {
      holders = new Set();
      index.byKey.set(key, holders);
    }
    holders.add(holder);
  }
}

function indexOf(world: World): Index {
  let index = INDEXES.get(world);
  if (!index) {
    index = { world, byKey: new Map() };
    INDEXES.set(world, index);
    for (const holder of world.cardholders.values()) add(index, holder);
  }
  return index;
}

/** Records a cardholder's current values: call after making it (world given) or changing it (world not needed). */
export function indexCardholder(holder: Cardholder, world?: World): void {
  const index = INDEX_OF.get(holder) ?? (world ? INDEXES.get(world) : undefined);
  // No index yet: it is built from the world's cardholders, this one included, on first use.
  if (index) add(index, holder);
}

/**
 * The account's cardholders whose `field` is `value` now (email compared in any case), deactivated ones included:
 * uniqueness is per account.
 */
export function holdersWith(
  world: World,
  accountId: string,
  field: UniqueField,
  value: string | undefined,
): Cardholder[] {
  if (value === undefined) return [];
  const wanted = field === 'email' ? value.toLowerCase() : value;
  const candidates = indexOf(world).byKey.get(keyOf(accountId, field, wanted));
  if (!candidates) return [];
  return [...candidates].filter(
    (h) => world.cardholders.get(h.id) === h && h.accountId === accountId && heldValue(h, field) === wanted,
  );
}
