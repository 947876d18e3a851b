// The request shape of the cardholder fields (mock/RULES.md §1 step 10), shared by Create Cardholder, Update
// Cardholder and the one-step `cardholder_required_fields` of Create Card: JSON types, required keys, and the formats
// no cardholder_error entry covers. Values a specific entry covers (names, phone, files, KYC…) are only type-checked
// here; field-rules.ts judges them in the documented order.

import { badParameters, invalidField } from '../../errors.ts';
import type { Address } from '../../state/types.ts';
import { optionalObject, optionalString, requiredString } from '../fields.ts';

type Source = Readonly<Record<string, unknown>>;

/** create: Create Cardholder · update: Update Cardholder · one-step: Create Card's cardholder_required_fields. */
export type FieldMode = 'create' | 'update' | 'one-step';

export interface IdentityInput {
  type: string;
  number: string;
  front_file?: string;
  back_file?: string;
  hand_file?: string;
}

export interface KycInput {
  method: string;
  kyc_proof?: { provider: string; reference_id: string };
}

export interface CardholderInput {
  email?: string;
  first_name?: string;
  last_name?: string;
  country_code?: string;
  phone_number?: string;
  date_of_birth?: string;
  gender?: string;
  nationality?: string;
  residential_address?: Address;
  delivery_address?: Address;
  identity?: IdentityInput;
  kyc_verification?: KycInput;
  document_type?: string;
  document?: string;
}

const SCALARS = ['email', 'country_code', 'phone_number', 'date_of_birth', 'gender', 'nationality'] as const;
const ADDRESS_KEYS = ['country', 'state', 'city', 'district', 'line1', 'line2', 'line_en', 'postal_code'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const ALPHA2 = /^[A-Z]{2}$/u;
const GENDERS = new Set(['MALE', 'FEMALE']);

/** Reads the cardholder fields of `source`; `prefix` names the fields' path in messages (one-step). */
export function readCardholderInput(source: Source, mode: FieldMode, now: Date, prefix = ''): CardholderInput {
  const input: CardholderInput = {};
  if (mode === 'create') {
    for (const name of ['email', 'first_name', 'last_name', 'phone_number'] as const) {
      input[name] = requiredString(source, name);
    }
    // An empty country_code passes the shape: missing_country_code / invalid_phone_number judge it.
    const country = optionalString(source, 'country_code');
    if (country === undefined) throw badParameters();
    input.country_code = country;
  } else if (mode === 'one-step') {
    set(input, 'first_name', optionalString(source, 'first_name'));
    set(input, 'last_name', optionalString(source, 'last_name'));
  }
  // Update: names cannot change, so first_name / last_name are not read.
  for (const name of SCALARS) if (input[name] === undefined) set(input, name, optionalString(source, name));
  set(input, 'document_type', optionalString(source, 'document_type'));
  set(input, 'document', blankless(optionalString(source, 'document')));
  set(input, 'residential_address', readResidential(source, prefix));
  set(input, 'delivery_address', readAddress(source, 'delivery_address'));
  set(input, 'identity', readIdentity(source));
  set(input, 'kyc_verification', readKyc(source));
  checkFormats(input, mode, now, prefix);
  return input;
}

function checkFormats(input: CardholderInput, mode: FieldMode, now: Date, prefix: string): void {
  if (input.email !== undefined && !EMAIL.test(input.email))
    throw invalidField({ path: `${prefix}email`, rule: 'must be an email' });
  if (input.gender !== undefined && !GENDERS.has(input.gender)) {
    throw invalidField({ path: `${prefix}gender`, rule: 'must be MALE or FEMALE' });
  }
  if (input.nationality !== undefined && !ALPHA2.test(input.nationality)) {
    throw invalidField({ path: `${prefix}nationality`, rule: 'must be an ISO 3166-1 alpha-2 code' });
  }
  // invalid_date_of_birth does not apply to Create Card, so there a bad date is a plain format error.
  if (mode === 'one-step' && input.date_of_birth !== undefined && !adultBirthDate(input.date_of_birth, now)) {
    throw invalidField({ path: `${prefix}date_of_birth`, rule: 'must be YYYY-MM-DD of a cardholder aged 18 or over' });
  }
}

/** A YYYY-MM-DD calendar date at least 18 years before `now`. */
export function adultBirthDate(text: string, now: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const adultOn = new Date(Date.UTC(year + 18, month - 1, day));
  return adultOn.getTime() <= now.getTime();
}

function readAddress(source: Source, name: string): Address | undefined {
  const value = optionalObject(source, name);
  if (!value) return undefined;
  const address: Address = {};
  for (const key of ADDRESS_KEYS) set(address, key, optionalString(value, key));
  return address;
}

/** residential_address keeps its own required sub-fields (country, city, line1). */
function readResidential(source: Source, prefix: string): Address | undefined {
  const value = optionalObject(source, 'residential_address');
  if (!value) return undefined;
  for (const key of ['country', 'city', 'line1']) requiredString(value, key);
  const address = readAddress(source, 'residential_address') as Address;
  if (!ALPHA2.test(address.country ?? '')) {
    throw invalidField({ path: `${prefix}residential_address.country`, rule: 'must be an ISO 3166-1 alpha-2 code' });
  }
  return address;
}

function readIdentity(source: Source): IdentityInput | undefined {
  const value = optionalObject(source, 'identity');
  if (!value) return undefined;
  const identity: IdentityInput = { type: requiredString(value, 'type'), number: requiredString(value, 'number') };
  for (const file of ['front_file', 'back_file', 'hand_file'] as const) {
    set(identity, file, blankless(optionalString(value, file)));
  }
  return identity;
}

function readKyc(source: Source): KycInput | undefined {
  const value = optionalObject(source, 'kyc_verification');
  if (!value) return undefined;
  const kyc: KycInput = { method: requiredString(value, 'method') };
  const proof = optionalObject(value, 'kyc_proof');
  if (proof) {
    const provider = requiredString(proof, 'provider');
    const referenceId = optionalString(proof, 'reference_id');
    if (referenceId === undefined) throw badParameters();
    kyc.kyc_proof = { provider, reference_id: referenceId };
  }
  return kyc;
}

/** An empty file reads as no file. */
function blankless(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
