// Assign Card: hands a provisioned physical card (a pool PAN with the code printed on its mailer) to a cardholder.
// The card starts ACTIVE but not activated, so it cannot be used until Activate Card receives the mailer's code.

import { fail, invalidField } from '../../errors.ts';
import { makeCard } from '../../state/factories.ts';
import type { Account, Cardholder, PoolCard } from '../../state/types.ts';
import type { World } from '../../state/world.ts';
import { type OpHandler, ok } from '../context.ts';
import { requiredString, requiredUuid } from '../fields.ts';
import { resolveCardholder } from '../lookup.ts';
import { newOrder, renderIssued } from '../render.ts';
import { issueAsynchronously } from './issue-settlement.ts';

const CURRENCIES = new Set(['SGD', 'USD']);
const MODES = new Set(['SINGLE', 'SHARE']);

export const assignCard: OpHandler = (ctx) => {
  const cardholderId = requiredUuid(ctx.body, 'cardholder_id');
  const pan = requiredString(ctx.body, 'card_number');
  const currency = requiredString(ctx.body, 'card_currency');
  const mode = requiredString(ctx.body, 'card_mode');
  if (!/^\d{12,19}$/u.test(pan)) throw invalidField({ path: 'card_number', rule: 'must be 12 to 19 digits' });
  if (!CURRENCIES.has(currency)) throw invalidField({ path: 'card_currency', rule: 'must be SGD or USD' });
  if (!MODES.has(mode)) throw invalidField({ path: 'card_mode', rule: 'must be SINGLE or SHARE' });

  const holder = resolveCardholder(ctx, cardholderId);
  if (!ctx.account.configuredBins.some((bin) => pan.startsWith(bin))) throw fail('card.b.card_bin_not_config');
  const entry = poolEntry(ctx.world, ctx.account, pan);
  if (!entry) throw fail('card.b.card_number_not_exist');
  checkQuotas(ctx.world, ctx.account, holder);

  const product = ctx.world.productFor(ctx.account, entry.productId);
  if (!product) throw fail('card.b.card_number_not_exist');
  entry.assigned = true;
  const card = makeCard(
    ctx.world,
    { accountId: ctx.account.id, cardholderId: holder.id, product },
    {
      pan: entry.pan,
      currency,
      form: 'PHYSICAL',
      activated: false,
      activationCode: entry.activationCode,
      limit: 0,
      available: 0,
    },
  );
  const order = newOrder(ctx.world, card, 'CARD_CREATE', 0);
  issueAsynchronously(ctx, { card, order, product });
  return ok(renderIssued(card, order));
};

/** An unassigned pool PAN provisioned for the account, or for its master account (sub-accounts issue from it). */
function poolEntry(world: World, account: Account, pan: string): PoolCard | undefined {
  return world.pool.find(
    (p) => p.pan === pan && !p.assigned && (p.accountId === account.id || p.accountId === account.parentId),
  );
}

/** The account-wide caps: cards per cardholder, then cards per account (cancelled cards do not count). */
function checkQuotas(world: World, account: Account, holder: Cardholder): void {
  if (world.countedCards((c) => c.cardholderId === holder.id) >= account.cardholderCardCap) {
    throw fail('card.b.cardholder_card_quota_exceeded');
  }
  if (world.countedCards((c) => c.accountId === account.id) >= account.cardCap) {
    throw fail('card.b.account_card_quota_exceeded');
  }
}
