// Cardholder field rules (Create Cardholder): names, date of birth, phone and country code, email, reference_id.
// Identity, KYC and document rules are in cardholder-documents.ts.

import fc from 'fast-check';
import type { ScenarioContext } from '../../generators/types.ts';
import { Fresh, letters, uniqueDigits, uniqueEmail, uniqueText } from '../values.ts';
import { constEdge, type Edge, lengthEdge, minLengthEdge, type Rule } from './types.ts';

const OP = 'Create Cardholder';
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of the day `years` years before today (UTC), moved by `days`. */
function birthDate(years: number, days: number): string {
  const now = new Date();
  const anniversary = Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate());
  return new Date(anniversary + days * DAY_MS).toISOString().slice(0, 10);
}

const name = (field: 'first_name' | 'last_name', entry: string): Rule => ({
  entry,
  operation: OP,
  subject: `${field} length and letters`,
  field: `body:${field}`,
  outside: fc.oneof(
    letters(41, 60),
    fc
      .tuple(letters(1, 10), fc.constantFrom('1', '-', '.', "'", '_', 'é', '名'), letters(0, 10))
      .map((p) => p.join('')),
    letters(1, 20).map((s) => ` ${s}`),
    letters(1, 20).map((s) => `${s} `),
  ),
  inside: fc.oneof(
    letters(1, 40),
    fc.tuple(letters(1, 19), letters(1, 20)).map(([a, b]) => `${a} ${b}`),
  ),
  edge: lengthEdge(40, 'A'.repeat(41), 'A'.repeat(40), 'A'),
  boundary: '1–40 ASCII letters and inner spaces',
  source: 'sdk',
});

/** A fresh phone number of `length` digits. */
const phone = (length: number) => new Fresh(`${length} unique digits`, () => uniqueDigits(length));
const digitsEdge = (maxInside: number): Edge => {
  const len = (v: unknown) => (typeof v === 'string' && /^\d+$/u.test(v) ? v.length : -1);
  return {
    outside: phone(maxInside + 1),
    inside: phone(maxInside),
    isOutside: (v) => len(v) === maxInside + 1,
    toInside: (v) => (v as string).slice(1),
    isInside: (v) => len(v) === maxInside,
    toOutside: (v) => `${v as string}7`,
  };
};

const reference = (length: number) => new Fresh(`${length}-character unique reference id`, () => uniqueText(length));
const EXISTING_EMAIL = 'fuzz-existing-email';

async function existingEmail(ctx: ScenarioContext): Promise<string> {
  return ctx.shared.once(EXISTING_EMAIL, async () => {
    const body = ctx.data.cardholder();
    await ctx.arrange({ operation: OP, body });
    return String(body.email);
  });
}

export const CARDHOLDER_RULES: Rule[] = [
  name('first_name', 'cardholder.invalid_first_name'),
  name('last_name', 'cardholder.invalid_last_name'),
  {
    entry: 'cardholder.invalid_date_of_birth',
    operation: OP,
    subject: 'age under 18',
    field: 'body:date_of_birth',
    outside: fc.oneof(
      fc.integer({ min: 1, max: 3650 }).map((d) => birthDate(18, d)),
      fc.constantFrom('2000/01/01', '01-01-2000', '2000-1-1', '2000-02-30', '20000101'),
    ),
    inside: fc.integer({ min: 0, max: 50 * 365 }).map((d) => birthDate(18, -d)),
    edge: constEdge(birthDate(18, 1), birthDate(18, 0)),
    boundary: '18 years old on the day (17 years 364 days is refused)',
    source: 'page',
  },
  {
    entry: 'cardholder.invalid_phone_number',
    operation: OP,
    subject: 'SG phone_number digits',
    field: 'body:phone_number',
    context: () => ({ 'body:country_code': 'SG' }),
    outside: fc.oneof(
      fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 15).map(phone),
      fc
        .tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('-', ' ', '+', 'a'))
        .map(([n, c]) => `${n}${c}${n}`),
    ),
    inside: fc.constant(phone(8)),
    edge: digitsEdge(8),
    boundary: 'exactly 8 digits for SG',
    source: 'mock',
    twinRuns: 5,
  },
  {
    entry: 'cardholder.invalid_phone_number',
    operation: OP,
    subject: 'non-SG phone_number length',
    field: 'body:phone_number',
    context: () => ({ 'body:country_code': 'US' }),
    outside: fc.oneof(fc.integer({ min: 16, max: 25 }).map(phone), fc.integer({ min: 1, max: 5 }).map(phone)),
    inside: fc.integer({ min: 6, max: 15 }).map(phone),
    edge: digitsEdge(15),
    boundary: '6–15 digits outside SG',
    source: 'mock',
  },
  {
    entry: 'cardholder.invalid_phone_number',
    operation: OP,
    subject: 'country_code ISO alpha-2',
    field: 'body:country_code',
    context: () => ({ 'body:phone_number': phone(10) }),
    outside: fc.oneof(fc.constantFrom('us', 'USA', 'U1', 'U', ' US'), fc.string({ minLength: 3, maxLength: 5 })),
    inside: fc.constantFrom('US', 'GB', 'HK', 'CN', 'JP'),
    edge: constEdge('us', 'US'),
    boundary: 'ISO 3166 alpha-2, upper case',
    source: 'mock',
  },
  {
    entry: 'general.invalid_request_error',
    operation: OP,
    subject: 'email format',
    field: 'body:email',
    outside: fc.oneof(
      fc.constantFrom(
        'plainaddress',
        '@example.com',
        'a@',
        'a b@example.com',
        'a@@example.com',
        'a@example',
        'a@b .com',
      ),
      fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(t)),
    ),
    inside: fc.constant(new Fresh('a new email', () => uniqueEmail())),
    edge: {
      outside: 'fuzz.edge@example',
      inside: new Fresh('a new email', () => uniqueEmail()),
      isOutside: (v) => v === 'fuzz.edge@example',
      toInside: () => uniqueEmail(),
      isInside: (v) => typeof v === 'string' && v.startsWith('fuzz.') && v.endsWith('@example.com'),
      toOutside: (v) => (v as string).replace(/\.com$/u, ''),
    },
    boundary: 'local part, @, and a domain with a dot',
    source: 'mock',
    twinRuns: 5,
  },
  {
    entry: 'cardholder.email_duplicated',
    operation: OP,
    subject: 'email unique in any letter case',
    field: 'body:email',
    outside: fc
      .array(fc.boolean(), { minLength: 1, maxLength: 40 })
      .map(
        (flips) =>
          new Fresh('an existing email, letters re-cased', async (ctx) =>
            [...(await existingEmail(ctx))].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join(''),
          ),
      ),
    inside: fc.constant(new Fresh('a new email', () => uniqueEmail())),
    edge: {
      outside: new Fresh('an existing email, upper case', async (ctx) => (await existingEmail(ctx)).toUpperCase()),
      inside: new Fresh('a new email', () => uniqueEmail()),
      isOutside: (v) => typeof v === 'string' && v === v.toUpperCase() && v.includes('@'),
      toInside: () => uniqueEmail(),
      isInside: (v) => typeof v === 'string' && v.startsWith('fuzz.'),
      // A target that takes every new email for a used one: the first twin case creates it, the next collides.
      toOutside: () => 'fuzz.always.the.same@example.com',
    },
    boundary: 'emails compared without regard to letter case',
    source: 'mock',
    twinRuns: 5,
  },
  {
    entry: 'cardholder.reference_id_too_short',
    operation: OP,
    subject: 'kyc_proof.reference_id length',
    field: 'body:kyc_verification.kyc_proof.reference_id',
    context: () => ({ 'body:kyc_verification': { method: 'THIRD_PARTY', kyc_proof: { provider: 'SUMSUB' } } }),
    outside: fc.integer({ min: 6, max: 9 }).map(reference),
    inside: fc.integer({ min: 10, max: 64 }).map(reference),
    edge: minLengthEdge(10, reference(9), reference(10)),
    boundary: 'at least 10 characters',
    source: 'page',
  },
];
