// What the cardholder rules share about the model: the account's cardholders, which KYC fields a cardholder holds
// or a request provides, and how accepted fields are written to a cardholder (create, update, supplement).

import type { MissingField } from '../../../catalog/envelope.ts';
import { holdersWith, indexCardholder, type UniqueField } from '../../state/cardholder-index.ts';
import { makeCardholder } from '../../state/factories.ts';
import type { Cardholder } from '../../state/types.ts';
import type { World } from '../../state/world.ts';
import type { OpContext } from '../context.ts';
import type { CardholderInput } from './cardholder-input.ts';

/**
 * Whether a cardholder of the acting account (deactivated ones included: uniqueness is per account) other than
 * `except` (the one being updated) holds this value; an email matches in any case.
 */
export function taken(ctx: OpContext, field: UniqueField, value: string | undefined, except?: Cardholder): boolean {
  return holdersWith(ctx.world, ctx.account.id, field, value).some((h) => h !== except);
}

type FieldName = keyof CardholderInput;

const HELD: Partial<Record<string, (h: Cardholder) => boolean>> = {
  first_name: (h) => h.firstName !== '',
  last_name: (h) => h.lastName !== '',
  email: (h) => h.email !== '',
  country_code: (h) => h.countryCode !== '',
  phone_number: (h) => h.phoneNumber !== '',
  date_of_birth: (h) => h.dateOfBirth !== null,
  gender: (h) => h.gender !== null,
  nationality: (h) => h.nationality !== null,
  residential_address: (h) => h.residentialAddress !== null,
  delivery_address: (h) => h.deliveryAddress !== null,
  identity: (h) => h.identity !== null,
  kyc_verification: (h) => h.kycMethod !== undefined,
};

const OBJECT_FIELDS = new Set(['residential_address', 'delivery_address', 'identity', 'kyc_verification']);

/** Whether the cardholder already holds a field a product may require (an unknown name is never held). */
export function holds(holder: Cardholder, name: string): boolean {
  return HELD[name]?.(holder) ?? false;
}

/** Whether a request provides a field: present and not blank. */
export function provides(input: CardholderInput, name: string): boolean {
  const value = input[name as FieldName];
  return value !== undefined && value !== '';
}

/** The missing_fields item the API reports for a field name. */
export function missingField(name: string): MissingField {
  return { name, type: OBJECT_FIELDS.has(name) ? 'object' : 'string', required: true };
}

/** A new cardholder of the acting account from accepted fields (Create Cardholder, one-step Create Card). */
export function createHolder(ctx: OpContext, input: CardholderInput): Cardholder {
  const holder = makeCardholder(ctx.world, ctx.account.id, {
    email: input.email ?? '',
    firstName: input.first_name ?? '',
    lastName: input.last_name ?? '',
    countryCode: input.country_code ?? '',
    phoneNumber: input.phone_number ?? '',
    dateOfBirth: null,
    status: 'SUCCESS',
  });
  applyInput(holder, input);
  return holder;
}

/** Writes the accepted fields of an update (or a new cardholder's) to the cardholder, with the KYC outcome. */
export function applyInput(holder: Cardholder, input: CardholderInput): void {
  if (input.first_name !== undefined) holder.firstName = input.first_name;
  if (input.last_name !== undefined) holder.lastName = input.last_name;
  if (input.email !== undefined) holder.email = input.email;
  if (input.country_code) holder.countryCode = input.country_code;
  if (input.phone_number !== undefined) holder.phoneNumber = input.phone_number;
  if (input.date_of_birth !== undefined) holder.dateOfBirth = input.date_of_birth;
  if (input.gender !== undefined) holder.gender = input.gender;
  if (input.nationality !== undefined) holder.nationality = input.nationality;
  if (input.residential_address) holder.residentialAddress = { ...input.residential_address };
  if (input.delivery_address) holder.deliveryAddress = { ...input.delivery_address };
  if (input.identity) {
    holder.identity = {
      type: input.identity.type as 'ID_CARD' | 'PASSPORT',
      number: input.identity.number,
      reviewed: false,
    };
  }
  const kyc = input.kyc_verification;
  if (kyc?.method === 'THIRD_PARTY') {
    // A third-party proof verifies the cardholder at once, and with it the identity on file.
    holder.kycMethod = 'THIRD_PARTY';
    holder.kycReferenceId = kyc.kyc_proof?.reference_id ?? null;
    holder.status = 'SUCCESS';
    if (holder.identity) holder.identity.reviewed = true;
  } else if (kyc?.method === 'SUMSUB_REDIRECT') {
    holder.kycMethod = 'SUMSUB_REDIRECT';
    holder.status = 'INCOMPLETE';
  }
  indexCardholder(holder);
}

/** A Create Card supplement fills the fields the cardholder lacks; it never overwrites what is on file. */
export function applySupplement(holder: Cardholder, input: CardholderInput): void {
  const filling: CardholderInput = {};
  for (const name of Object.keys(input) as FieldName[]) {
    if (name === 'first_name' || name === 'last_name' || holds(holder, name)) continue;
    Object.assign(filling, { [name]: input[name] });
  }
  applyInput(holder, filling);
}

/** The create/update answer: {cardholder_id, cardholder_status}, plus the IDV link for SUMSUB_REDIRECT. */
export function kycAnswer(world: World, holder: Cardholder, input: CardholderInput): Record<string, unknown> {
  const answer: Record<string, unknown> = { cardholder_id: holder.id, cardholder_status: holder.status };
  if (input.kyc_verification?.method === 'SUMSUB_REDIRECT') {
    answer.idv_verification_url = `https://idv.sumsub.com/verify/${world.faker.string.alphanumeric(24)}`;
    answer.idv_url_expires_at = new Date(world.now().getTime() + 7 * 86_400_000).toISOString();
  }
  return answer;
}
