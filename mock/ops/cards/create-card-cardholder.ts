// The cardholder half of Create Card: which cardholder a new card is for, and whether that cardholder may get one
// (mock/RULES.md, the cardholder rows of the Create Card table).

import { fail } from '../../errors.ts';
import type { Cardholder, Product } from '../../state/types.ts';
import { readCardholderInput } from '../cardholders/cardholder-input.ts';
import {
  applySupplement,
  createHolder,
  holds,
  missingField,
  provides,
  taken,
} from '../cardholders/cardholder-model.ts';
import { checkFieldRules } from '../cardholders/field-rules.ts';
import type { OpContext } from '../context.ts';
import { optionalObject, optionalString, uuid } from '../fields.ts';
import { resolveCardholder } from '../lookup.ts';

/** What every new cardholder needs, before the product's own required fields. */
const NEW_CARDHOLDER_FIELDS = ['first_name', 'last_name', 'email', 'country_code', 'phone_number'];
const SUPPLEMENT = 'cardholder_required_fields';

/**
 * Resolves the cardholder of a Create Card request for this product, in the documented order: missing info, an existing cardholder (not found, KYC pending/failed, document
 * under review, kyc_insufficient / supplement_fields_incomplete) or a one-step cardholder (field rules,
 * incomplete fields, already exists, duplicates). Nothing changes until `commit` is called, so the caller can run
 * its remaining checks first.
 */
export function cardholderForNewCard(
  ctx: OpContext,
  product: Product,
): { cardholder: Cardholder | null; commit: () => Cardholder } {
  // A product without this configuration was already refused with bin_required_fields_not_configured, at the
  // position RULES.md gives it (productForNewCard, before the card fields).
  const required = product.requiredFields ?? [];
  const id = optionalString(ctx.body, 'cardholder_id');
  const source = optionalObject(ctx.body, SUPPLEMENT);
  const supplement = source && Object.keys(source).length > 0 ? source : undefined;
  if (!id && !supplement) throw fail('cardholder.cardholder_missing_info');
  const input = supplement && readCardholderInput(supplement, 'one-step', ctx.world.now(), `${SUPPLEMENT}.`);

  if (id) {
    const holder = existingHolder(ctx, uuid(id, 'cardholder_id'));
    if (input) checkFieldRules(ctx, input, 'one-step', holder);
    const missing = required.filter((name) => !holds(holder, name) && !(input && provides(input, name)));
    if (missing.length > 0) {
      const entry = input ? 'cardholder.supplement_fields_incomplete' : 'cardholder.kyc_insufficient';
      throw fail(entry, { missingFields: missing.map(missingField) });
    }
    return {
      cardholder: holder,
      commit: () => {
        if (input) applySupplement(holder, input);
        return holder;
      },
    };
  }

  if (!input) throw fail('cardholder.cardholder_missing_info');
  checkFieldRules(ctx, input, 'one-step');
  const needed = [...new Set([...NEW_CARDHOLDER_FIELDS, ...required])];
  const missing = needed.filter((name) => !provides(input, name));
  if (missing.length > 0) {
    throw fail('cardholder.cardholder_incomplete_fields', { missingFields: missing.map(missingField) });
  }
  if (taken(ctx, 'identity', input.identity?.number)) throw fail('cardholder.cardholder_already_exists');
  if (taken(ctx, 'email', input.email)) throw fail('cardholder.email_duplicated');
  if (taken(ctx, 'phone', input.phone_number)) throw fail('cardholder.phone_number_duplicated');
  return { cardholder: null, commit: () => createHolder(ctx, input) };
}

/** An active cardholder of the account whose KYC lets it take a card. */
function existingHolder(ctx: OpContext, id: string): Cardholder {
  // Another account's cardholder is "Card holder not exists or is illegal" (the Cards table), never
  // cardholder_not_found: create-card.ts answers it first, and so does this function if called alone.
  const known = ctx.world.cardholders.get(id);
  if (known && known.accountId !== ctx.account.id) throw fail('card.b.card_holder_not_exists_or_is_illegal');
  const holder = resolveCardholder(ctx, id);
  // SUMSUB_REDIRECT leaves KYC INCOMPLETE until the IDV ends: as unfinished as PENDING.
  if (holder.status === 'PENDING' || holder.status === 'INCOMPLETE') throw fail('cardholder.cardholder_kyc_pending');
  if (holder.status === 'FAILED') throw fail('cardholder.cardholder_kyc_failed');
  if (holder.documentUnderReview) throw fail('cardholder.document_review_required');
  return holder;
}
