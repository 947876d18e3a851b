// Create Card's own cardholder rules: neither a cardholder_id nor a supplement, a one-step payload that lacks what
// a new cardholder needs, an identity number another cardholder has, and a supplement that still lacks what an
// enhanced-KYC product requires. The cardholder field rules on Create Card come from cardholder-ops.ts.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody, newCardholder } from '../../generators/arrange.ts';
import { TINY_PNG_BASE64 } from '../../generators/data.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, Fresh, uniqueDigits, uniqueEmail, uniqueText } from '../values.ts';
import { oneStepBase } from './cardholder-ops.ts';
import { Taken } from './taken.ts';
import type { Rule } from './types.ts';

const OP = 'Create Card';
const SUPPLEMENT = 'body:cardholder_required_fields';
/** What every new one-step cardholder needs (the page's "complete one-step payload"; the mock's list). */
const NEW_HOLDER_FIELDS = ['first_name', 'last_name', 'email', 'country_code', 'phone_number'];
/** What the enhanced-KYC product requires beyond that (mock/state/seed.ts). */
const ENHANCED_FIELDS = ['nationality', 'residential_address', 'identity'];
const identities = new Taken();

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const without = (v: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(v).filter(([k]) => !keys.includes(k)));
const holderFields = () => ({
  email: uniqueEmail(),
  first_name: 'Fuzz',
  last_name: 'Edge',
  country_code: 'SG',
  phone_number: uniqueDigits(8),
});
const completeHolder = () => new Fresh('a complete new cardholder', (ctx) => ctx.data.cardholder());
const newIdentity = () => ({ type: 'PASSPORT', number: `EFUZZ${uniqueText(10)}`, front_file: TINY_PNG_BASE64 });

function existingIdentityNumber(ctx: ScenarioContext): Promise<string> {
  return ctx.shared.once('fuzz-existing-identity', async () => {
    const identity = ctx.data.identity();
    await ctx.arrange({ operation: 'Create Cardholder', body: ctx.data.cardholder({ identity }) });
    return identities.add(identity.number);
  });
}

/** A Create Card request on the enhanced-KYC product for a new cardholder that lacks the product's fields. */
async function enhancedBase(ctx: ScenarioContext): Promise<RequestSpec> {
  const body = await createCardBody(ctx, { product: 'enhanced-kyc', cardholderId: await newCardholder(ctx) });
  return { operation: OP, body };
}

const enhancedSupplement = (keys: readonly string[]) =>
  new Fresh(`a supplement of ${keys.join(', ')}`, (ctx) => {
    const all: Record<string, unknown> = {
      nationality: 'SG',
      residential_address: ctx.data.residentialAddress(),
      identity: ctx.data.identity(),
    };
    return Object.fromEntries(keys.map((k) => [k, all[k]]));
  });

export const ONE_STEP_RULES: Rule[] = [
  {
    entry: 'cardholder.cardholder_missing_info',
    operation: OP,
    subject: 'cardholder_id or cardholder_required_fields',
    field: SUPPLEMENT,
    base: oneStepBase,
    outside: fc.constantFrom(ABSENT, {}),
    inside: fc.constant(completeHolder()),
    edge: {
      outside: {},
      inside: completeHolder(),
      isOutside: (v) => v === undefined || (isObject(v) && Object.keys(v).length === 0),
      toInside: holderFields,
      isInside: (v) => isObject(v) && Object.keys(v).length > 0,
      toOutside: () => ({}),
    },
    boundary: 'a cardholder_id, or a non-empty cardholder_required_fields',
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.cardholder_incomplete_fields',
    operation: OP,
    subject: 'one-step cardholder fields',
    field: SUPPLEMENT,
    base: oneStepBase,
    outside: fc
      .subarray(NEW_HOLDER_FIELDS, { minLength: 1 })
      .map(
        (drop) =>
          new Fresh(`a new cardholder without ${drop.join(', ')}`, (ctx) => without(ctx.data.cardholder(), drop)),
      ),
    inside: fc.constant(completeHolder()),
    edge: {
      outside: new Fresh('a new cardholder without email', (ctx) => without(ctx.data.cardholder(), ['email'])),
      inside: completeHolder(),
      isOutside: (v) => isObject(v) && !('email' in v) && NEW_HOLDER_FIELDS.filter((k) => k in v).length === 4,
      toInside: (v) => ({ ...(v as Record<string, unknown>), email: uniqueEmail() }),
      isInside: (v) => isObject(v) && NEW_HOLDER_FIELDS.every((k) => k in v),
      toOutside: (v) => without(v as Record<string, unknown>, ['email']),
    },
    boundary: `first_name, last_name, email, country_code and phone_number present (the mock's list of a complete one-step payload)`,
    source: 'mock',
    runs: 20,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.cardholder_already_exists',
    operation: OP,
    subject: 'one-step identity.number unique',
    field: `${SUPPLEMENT}.identity.number`,
    base: oneStepBase,
    context: (ctx) => ({ [`${SUPPLEMENT}.identity`]: ctx.data.identity() }),
    outside: fc.constant(new Fresh('an identity number in use', existingIdentityNumber)),
    inside: fc.constant(new Fresh('a new identity number', (ctx) => ctx.data.identityNumber())),
    edge: {
      outside: new Fresh('an identity number in use', existingIdentityNumber),
      inside: new Fresh('a new identity number', (ctx) => ctx.data.identityNumber()),
      isOutside: (v) => identities.has(v),
      toInside: () => `EFUZZ${uniqueText(10)}`,
      isInside: (v) => typeof v === 'string' && !identities.has(v),
      toOutside: () => 'EFUZZ-ALWAYS-THE-SAME',
    },
    boundary: 'an identity number no cardholder of the account has',
    source: 'page',
    runs: 3,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.supplement_fields_incomplete',
    operation: OP,
    subject: 'supplement of an enhanced-KYC product',
    field: SUPPLEMENT,
    base: enhancedBase,
    outside: fc
      .subarray(ENHANCED_FIELDS, { minLength: 1, maxLength: ENHANCED_FIELDS.length - 1 })
      .map(enhancedSupplement),
    inside: fc.constant(enhancedSupplement(ENHANCED_FIELDS)),
    edge: {
      outside: enhancedSupplement(['nationality', 'residential_address']),
      inside: enhancedSupplement(ENHANCED_FIELDS),
      isOutside: (v) => isObject(v) && !('identity' in v) && 'nationality' in v && 'residential_address' in v,
      toInside: (v) => ({ ...(v as Record<string, unknown>), identity: newIdentity() }),
      isInside: (v) => isObject(v) && ENHANCED_FIELDS.every((k) => k in v),
      toOutside: (v) => without(v as Record<string, unknown>, ['identity']),
    },
    boundary: "every field the product requires that the cardholder lacks (the enhanced-KYC product's fixture)",
    source: 'page',
    runs: 10,
    twinRuns: 5,
  },
];
