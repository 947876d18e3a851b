// More cardholder rules (Create Cardholder; cardholder-ops.ts carries them to Update Cardholder and one-step Create
// Card): the phone number and KYC reference id taken by another cardholder, the date of birth an identity needs, the
// back file of an ID card, the country code SUMSUB_REDIRECT needs; and, on Update Cardholder only, an identity that
// already passed review.

import fc from 'fast-check';
import { awaitCardholderKyc } from '../../generators/await-card.ts';
import { TINY_PNG_BASE64 } from '../../generators/data.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, Fresh, uniqueDigits, uniqueText } from '../values.ts';
import { Taken } from './taken.ts';
import { absentEdge, constEdge, type Rule } from './types.ts';

const OP = 'Create Cardholder';
const phones = new Taken();
const references = new Taken();
const reviewed = new Taken();
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** A cardholder made once per run whose phone number and reference id the duplicate rules reuse. */
function existingHolder(ctx: ScenarioContext): Promise<{ phone: string; reference: string }> {
  return ctx.shared.once('fuzz-existing-holder', async () => {
    const reference = `fuzzref${uniqueText(12)}`;
    const body = ctx.data.cardholder({
      kyc_verification: { method: 'THIRD_PARTY', kyc_proof: { provider: 'SUMSUB', reference_id: reference } },
    });
    await ctx.arrange({ operation: OP, body });
    return { phone: phones.add(body.phone_number), reference: references.add(reference) };
  });
}

const newPhone = () => new Fresh('8 unique digits', () => uniqueDigits(8));
const newReference = () => new Fresh('a new reference id', () => `fuzzref${uniqueText(12)}`);
const thirdParty = () => ({ 'body:kyc_verification': { method: 'THIRD_PARTY', kyc_proof: { provider: 'SUMSUB' } } });
/** A narrowed variant's only "taken" value: the first twin case takes it, the next collides. */
const ALWAYS_THE_SAME = { phone: '80000001', reference: 'fuzzref-always-the-same' };

export const CARDHOLDER_IDENTITY_RULES: Rule[] = [
  {
    entry: 'cardholder.phone_number_duplicated',
    operation: OP,
    subject: 'phone_number unique',
    field: 'body:phone_number',
    context: () => ({ 'body:country_code': 'SG' }),
    outside: fc.constant(new Fresh('a phone number in use', async (ctx) => (await existingHolder(ctx)).phone)),
    inside: fc.constant(newPhone()),
    edge: {
      outside: new Fresh('a phone number in use', async (ctx) => (await existingHolder(ctx)).phone),
      inside: newPhone(),
      isOutside: (v) => phones.has(v),
      toInside: () => uniqueDigits(8),
      isInside: (v) => typeof v === 'string' && /^\d{8}$/u.test(v) && !phones.has(v),
      toOutside: () => ALWAYS_THE_SAME.phone,
    },
    boundary: 'a phone number no other cardholder of the account has',
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.reference_id_duplicated',
    operation: OP,
    subject: 'kyc_proof.reference_id unique',
    field: 'body:kyc_verification.kyc_proof.reference_id',
    context: thirdParty,
    outside: fc.constant(new Fresh('a reference id in use', async (ctx) => (await existingHolder(ctx)).reference)),
    inside: fc.constant(newReference()),
    edge: {
      outside: new Fresh('a reference id in use', async (ctx) => (await existingHolder(ctx)).reference),
      inside: newReference(),
      isOutside: (v) => references.has(v),
      toInside: () => `fuzzref${uniqueText(12)}`,
      isInside: (v) => typeof v === 'string' && v.startsWith('fuzzref') && !references.has(v),
      toOutside: () => ALWAYS_THE_SAME.reference,
    },
    boundary: 'a reference id no other cardholder of the account has',
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.missing_date_of_birth',
    operation: OP,
    subject: 'date_of_birth with an identity',
    field: 'body:date_of_birth',
    context: (ctx) => ({ 'body:identity': ctx.data.identity() }),
    outside: fc.constant(ABSENT),
    inside: fc.integer({ min: 19, max: 80 }).map((years) => `${new Date().getUTCFullYear() - years}-06-15`),
    edge: absentEdge(
      '1990-06-15',
      (v) => typeof v === 'string' && DATE.test(v),
      () => '1990-06-15',
    ),
    boundary: 'an identity needs a date_of_birth (sent, or on file)',
    source: 'page',
    runs: 3,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.identity_file_missing',
    operation: OP,
    subject: 'back_file of an ID_CARD',
    field: 'body:identity.back_file',
    context: (ctx) => ({ 'body:identity': ctx.data.identity({ type: 'ID_CARD' }) }),
    outside: fc.constantFrom(ABSENT, ''),
    inside: fc.constant(TINY_PNG_BASE64),
    edge: absentEdge(
      TINY_PNG_BASE64,
      (v) => v === TINY_PNG_BASE64,
      () => TINY_PNG_BASE64,
    ),
    boundary: 'an ID_CARD needs front_file and back_file',
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.missing_country_code',
    operation: OP,
    subject: 'country_code with SUMSUB_REDIRECT',
    field: 'body:country_code',
    context: () => ({ 'body:kyc_verification': { method: 'SUMSUB_REDIRECT' } }),
    outside: fc.constant(''),
    inside: fc.constant('SG'),
    edge: constEdge('', 'SG'),
    boundary: 'SUMSUB_REDIRECT needs a non-empty country_code',
    source: 'page',
    runs: 3,
    twinRuns: 5,
  },
];

/** Update Cardholder on a cardholder whose identity passed review (THIRD_PARTY KYC), that identity in the body. */
async function reviewedHolder(ctx: ScenarioContext) {
  const identity = ctx.data.identity();
  const kyc = { method: 'THIRD_PARTY', kyc_proof: { provider: 'SUMSUB', reference_id: `fuzzref${uniqueText(12)}` } };
  const created = await ctx.arrange({
    operation: OP,
    body: ctx.data.cardholder({ identity, kyc_verification: kyc }),
  });
  // Third-party KYC answers PENDING and settles later: an update before that is refused as during review, which is
  // neither this rule's entry nor its twin's 2xx (a race that a fast run or a loaded machine lost now and then).
  await awaitCardholderKyc(ctx, created);
  reviewed.add(identity.number);
  return {
    operation: 'Update Cardholder' as const,
    params: { cardholder_id: String(created.cardholder_id) },
    body: { identity },
  };
}

const ON_FILE = 'the reviewed number on file';

export const UPDATE_CARDHOLDER_RULES: Rule[] = [
  {
    entry: 'cardholder.document_duplicated',
    operation: 'Update Cardholder',
    subject: 'identity.number already reviewed',
    field: 'body:identity.number',
    base: reviewedHolder,
    outside: fc.constant(ON_FILE),
    inside: fc.constant(new Fresh('a new identity number', (ctx) => ctx.data.identityNumber())),
    derive: (value, base) =>
      value === ON_FILE ? ((base.body as { identity: { number: string } }).identity.number as unknown) : value,
    edge: {
      outside: ON_FILE,
      inside: new Fresh('a new identity number', (ctx) => ctx.data.identityNumber()),
      isOutside: (v) => reviewed.has(v),
      toInside: () => `EFUZZ${uniqueText(10)}`,
      isInside: (v) => typeof v === 'string' && !reviewed.has(v),
      // Another cardholder's reviewed number: refused too (as a duplicate identity), so the twin still fails.
      toOutside: () => reviewed.first() ?? 'EFUZZ-NONE',
    },
    boundary: 'an identity number other than the one already reviewed on this cardholder',
    source: 'page',
    runs: 3,
    twinRuns: 5,
  },
];
