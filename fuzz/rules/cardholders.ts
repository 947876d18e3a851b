// Cardholder field rules (Create Cardholder): names, date of birth, phone and country code, email, reference_id,
// identity type, KYC method and proof, document type, size and base64, delivery address.

import fc from 'fast-check';
import { TINY_PNG_BASE64 } from '../../generators/data.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, Fresh, letters, uniqueDigits, uniqueEmail, uniqueText } from '../values.ts';
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
const proof = () =>
  new Fresh('kyc_proof with a unique reference id', () => ({ provider: 'SUMSUB', reference_id: uniqueText(16) }));
const EXISTING_EMAIL = 'fuzz-existing-email';

async function existingEmail(ctx: ScenarioContext): Promise<string> {
  return ctx.shared.once(EXISTING_EMAIL, async () => {
    const body = ctx.data.cardholder();
    await ctx.arrange({ operation: OP, body });
    return String(body.email);
  });
}

const documents = new Map<number, string>();
/** Base64 of `bytes` bytes, made once per size (2 MiB documents are costly to build for every case). */
const base64Of = (bytes: number) => {
  let text = documents.get(bytes);
  if (text === undefined) {
    text = Buffer.alloc(bytes, 7).toString('base64');
    documents.set(bytes, text);
  }
  return text;
};
const MIB2 = 2 * 1024 * 1024;
const decodedSize = (v: unknown) =>
  typeof v === 'string' ? (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0) : -1;
const FILE_TYPES = ['pdf', 'png', 'jpg', 'jpeg'];
const DELIVERY = { line1: '1 Orchard Road', city: 'Singapore', postal_code: '238801', country: 'SG', state: 'SG' };
const withIdentity = (ctx: ScenarioContext) => ({ 'body:identity': ctx.data.identity({ back_file: TINY_PNG_BASE64 }) });

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
  {
    entry: 'cardholder.invalid_identity_type',
    operation: OP,
    subject: 'identity.type',
    field: 'body:identity.type',
    context: withIdentity,
    outside: fc.oneof(
      fc.constantFrom('passport', 'Passport', 'ID CARD', 'id_card', 'DRIVING_LICENSE', 'RESIDENCE_PERMIT'),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !['ID_CARD', 'PASSPORT'].includes(s)),
    ),
    inside: fc.constantFrom('ID_CARD', 'PASSPORT'),
    edge: constEdge('passport', 'PASSPORT'),
    boundary: 'ID_CARD or PASSPORT',
    source: 'page',
  },
  {
    entry: 'cardholder.invalid_kyc_method',
    operation: OP,
    subject: 'kyc_verification.method',
    field: 'body:kyc_verification.method',
    context: () => ({ 'body:kyc_verification.kyc_proof': proof() }),
    outside: fc
      .oneof(
        fc.constantFrom('third_party', 'THIRD PARTY', 'SUMSUB', 'MANUAL'),
        fc.string({ minLength: 1, maxLength: 16 }),
      )
      .filter((s) => !['THIRD_PARTY', 'SUMSUB_REDIRECT'].includes(s)),
    inside: fc.constant('THIRD_PARTY'),
    edge: constEdge('third_party', 'THIRD_PARTY'),
    boundary: 'THIRD_PARTY or SUMSUB_REDIRECT',
    source: 'page',
    twinRuns: 5,
  },
  {
    entry: 'cardholder.kyc_proof_required',
    operation: OP,
    subject: 'kyc_proof with THIRD_PARTY',
    field: 'body:kyc_verification.kyc_proof',
    context: () => ({ 'body:kyc_verification.method': 'THIRD_PARTY' }),
    outside: fc.constantFrom(ABSENT, null),
    inside: fc.constant(proof()),
    edge: {
      ...constEdge(ABSENT, proof()),
      isOutside: (v) => v === undefined || v === null,
      toInside: () => ({ provider: 'SUMSUB', reference_id: uniqueText(16) }),
      isInside: (v) => typeof v === 'object' && v !== null,
      toOutside: () => null,
    },
    boundary: 'required when the method is THIRD_PARTY',
    source: 'page',
    twinRuns: 5,
  },
  {
    entry: 'cardholder.file_type_not_supported',
    operation: OP,
    subject: 'document_type',
    field: 'body:document_type',
    context: () => ({ 'body:document': TINY_PNG_BASE64 }),
    outside: fc.oneof(
      fc.constantFrom(ABSENT, 'gif', 'bmp', 'tiff', 'heic', 'docx', 'svg', 'PNG', 'PDF'),
      fc.stringMatching(/^[a-z]{2,5}$/u).filter((s) => !FILE_TYPES.includes(s)),
    ),
    inside: fc.constantFrom(...FILE_TYPES),
    edge: constEdge('PNG', 'png'),
    boundary: 'pdf, png, jpg or jpeg (lower case; upper case is an observation)',
    source: 'mock',
  },
  {
    entry: 'cardholder.invalid_file_content',
    operation: OP,
    subject: 'document base64',
    field: 'body:document',
    context: () => ({ 'body:document_type': 'png' }),
    outside: fc
      .oneof(
        fc.constant(`data:image/png;base64,${TINY_PNG_BASE64}`),
        fc
          .uint8Array({ minLength: 4, maxLength: 200 })
          .map((b) => Buffer.from(b).toString('base64').replace(/=+$/u, '').slice(0, -1)),
        fc.uint8Array({ minLength: 60, maxLength: 200 }).map((b) =>
          Buffer.from(b)
            .toString('base64')
            .replace(/(.{40})/u, '$1\n'),
        ),
        fc.uint8Array({ minLength: 3, maxLength: 200 }).map((b) => Buffer.from(b).toString('base64url').padEnd(4, '_')),
      )
      .filter((s) => !/^[A-Za-z0-9+/]*={0,2}$/u.test(s) || s.length % 4 !== 0),
    inside: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
    edge: constEdge(TINY_PNG_BASE64.slice(0, -1), TINY_PNG_BASE64),
    boundary: 'plain standard Base64, padded',
    source: 'mock',
  },
  {
    entry: 'cardholder.document_size_exceeded',
    operation: OP,
    subject: 'document decoded size',
    field: 'body:document',
    context: () => ({ 'body:document_type': 'pdf' }),
    outside: fc.integer({ min: 1, max: 4 }).map((d) => base64Of(MIB2 + d)),
    inside: fc.integer({ min: 0, max: 4 }).map((d) => base64Of(MIB2 - d)),
    edge: {
      ...constEdge(base64Of(MIB2 + 1), base64Of(MIB2)),
      isOutside: (v) => decodedSize(v) === MIB2 + 1,
      isInside: (v) => decodedSize(v) === MIB2,
      toInside: () => base64Of(MIB2),
      toOutside: () => base64Of(MIB2 + 1),
    },
    boundary: '2 MiB decoded (2,097,152 bytes; one byte more is refused)',
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'cardholder.invalid_delivery_address',
    operation: OP,
    subject: 'delivery_address required parts',
    field: 'body:delivery_address',
    outside: fc
      .tuple(fc.subarray(Object.keys(DELIVERY), { minLength: 1 }), fc.constantFrom(ABSENT, ''))
      .map(([drop, how]) =>
        Object.fromEntries(
          Object.entries(DELIVERY).flatMap(([k, v]) => (drop.includes(k) ? (how === '' ? [[k, '']] : []) : [[k, v]])),
        ),
      ),
    inside: fc.constant(DELIVERY),
    edge: {
      ...constEdge({ ...DELIVERY, state: '' }, DELIVERY),
      isOutside: (v) => JSON.stringify(v) === JSON.stringify({ ...DELIVERY, state: '' }),
    },
    boundary: 'line1, city, postal_code, country and state present (state: an observation; the SDKs call it optional)',
    source: 'mock',
    twinRuns: 5,
  },
];
