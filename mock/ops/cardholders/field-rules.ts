// The cardholder field rules of mock/RULES.md §Cardholders, in the documented order, for Create Cardholder
// ('create'), Update Cardholder ('update') and Create Card's cardholder_required_fields ('one-step'). The input has
// already passed the request shape (cardholder-input.ts); each rule throws the first catalog entry that applies.

import { fail } from '../../errors.ts';
import type { Address, Cardholder } from '../../state/types.ts';
import type { OpContext } from '../context.ts';
import { adultBirthDate, type CardholderInput, type FieldMode } from './cardholder-input.ts';
import { taken } from './cardholder-model.ts';

/** 1–40 ASCII letters and inner spaces. */
const NAME = /^[A-Za-z](?:[A-Za-z ]{0,38}[A-Za-z])?$/u;
const ALPHA2 = /^[A-Z]{2}$/u;
const DELIVERY_REQUIRED: (keyof Address)[] = ['line1', 'city', 'postal_code', 'country', 'state'];
const IDENTITY_TYPES = new Set(['ID_CARD', 'PASSPORT']);
const FILE_TYPES = new Set(['pdf', 'png', 'jpg', 'jpeg']);
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/u;
/**
 * The page: a decoded file must be "小于 2 MB" (under 2 MB). MB read as the SI unit (10^6 bytes), so 2,000,000 bytes
 * is refused, and so is 2 MiB; mock/RULES.md §3 records the reading.
 */
const FILE_BYTES_LIMIT = 2_000_000;
const KYC_METHODS = new Set(['THIRD_PARTY', 'SUMSUB_REDIRECT']);

/**
 * Runs the field rules on `input`. `existing` is the cardholder an update (or a Create Card supplement) applies
 * to: its stored country code and date of birth count where the input leaves them out.
 */
export function checkFieldRules(ctx: OpContext, input: CardholderInput, mode: FieldMode, existing?: Cardholder): void {
  if (mode !== 'update') {
    if (input.first_name !== undefined && !NAME.test(input.first_name)) throw fail('cardholder.invalid_first_name');
    if (input.last_name !== undefined && !NAME.test(input.last_name)) throw fail('cardholder.invalid_last_name');
  }
  checkPhone(input, existing);
  if (mode !== 'one-step' && input.date_of_birth !== undefined) {
    if (!adultBirthDate(input.date_of_birth, ctx.world.now())) throw fail('cardholder.invalid_date_of_birth');
  }
  const delivery = input.delivery_address;
  if (delivery && !DELIVERY_REQUIRED.every((key) => delivery[key])) throw fail('cardholder.invalid_delivery_address');
  checkFiles(input);
  if ((input.identity || input.document) && !(input.date_of_birth ?? existing?.dateOfBirth)) {
    throw fail('cardholder.missing_date_of_birth');
  }
  checkKyc(ctx, input, existing);
  if (mode === 'create') {
    if (taken(ctx, 'email', input.email)) throw fail('cardholder.email_duplicated');
    if (taken(ctx, 'phone', input.phone_number)) throw fail('cardholder.phone_number_duplicated');
  }
}

/**
 * Digits only, 8 for SG and 6–15 elsewhere; a country_code that is given must be ISO alpha-2. An empty one is
 * left to missing_country_code when the KYC method is SUMSUB_REDIRECT, the more specific entry.
 */
function checkPhone(input: CardholderInput, existing: Cardholder | undefined): void {
  const country = input.country_code;
  if (country !== undefined) {
    const sumsub = input.kyc_verification?.method === 'SUMSUB_REDIRECT';
    if (country === '' ? !sumsub : !ALPHA2.test(country)) throw fail('cardholder.invalid_phone_number');
  }
  if (input.phone_number === undefined && !country) return;
  const phone = input.phone_number ?? existing?.phoneNumber;
  if (phone !== undefined && !phoneFits(phone, country || existing?.countryCode || '')) {
    throw fail('cardholder.invalid_phone_number');
  }
}

function phoneFits(phone: string, country: string): boolean {
  if (!/^\d+$/u.test(phone)) return false;
  return country === 'SG' ? phone.length === 8 : phone.length >= 6 && phone.length <= 15;
}

/** Identity type and files, then every uploaded file's type, encoding and size. */
function checkFiles(input: CardholderInput): void {
  const identity = input.identity;
  if (identity) {
    if (!IDENTITY_TYPES.has(identity.type)) throw fail('cardholder.invalid_identity_type');
    if (!identity.front_file || (identity.type === 'ID_CARD' && !identity.back_file)) {
      throw fail('cardholder.identity_file_missing');
    }
  }
  // A document needs a declared type: without one its type is unknown, so not a supported one.
  const typed = input.document_type !== undefined ? FILE_TYPES.has(input.document_type) : input.document === undefined;
  if (!typed) throw fail('cardholder.file_type_not_supported');
  const files = [input.document, identity?.front_file, identity?.back_file, identity?.hand_file].filter(
    (file): file is string => file !== undefined,
  );
  if (!files.every(isBase64)) throw fail('cardholder.invalid_file_content');
  if (files.some((file) => decodedBytes(file) >= FILE_BYTES_LIMIT)) throw fail('cardholder.document_size_exceeded');
}

/** Plain standard Base64: no data-URL prefix, no line breaks, padded to a multiple of 4. */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64_CHARS.test(text);
}

function decodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function checkKyc(ctx: OpContext, input: CardholderInput, existing: Cardholder | undefined): void {
  const kyc = input.kyc_verification;
  if (!kyc) return;
  if (!KYC_METHODS.has(kyc.method)) throw fail('cardholder.invalid_kyc_method');
  if (kyc.method === 'SUMSUB_REDIRECT') {
    if (!(input.country_code ?? existing?.countryCode)) throw fail('cardholder.missing_country_code');
    return;
  }
  if (!kyc.kyc_proof) throw fail('cardholder.kyc_proof_required');
  const referenceId = kyc.kyc_proof.reference_id;
  if (referenceId.length < 10) throw fail('cardholder.reference_id_too_short');
  if (taken(ctx, 'reference', referenceId, existing)) {
    throw fail('cardholder.reference_id_duplicated');
  }
}
