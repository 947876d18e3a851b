// Cardholder identity, KYC and document rules (Create Cardholder): identity type, KYC method and proof, document
// type, size and base64, delivery address.

import fc from 'fast-check';
import { TINY_PNG_BASE64 } from '../../generators/data.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, Fresh, uniqueText } from '../values.ts';
import { constEdge, type Rule } from './types.ts';

const OP = 'Create Cardholder';
const proof = () =>
  new Fresh('kyc_proof with a unique reference id', () => ({ provider: 'SUMSUB', reference_id: uniqueText(16) }));
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
/** The page's "under 2 MB", MB read as 10^6 bytes: the first decoded size refused. */
const LIMIT = 2_000_000;
const decodedSize = (v: unknown) =>
  typeof v === 'string' ? (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0) : -1;
const FILE_TYPES = ['pdf', 'png', 'jpg', 'jpeg'];
const DELIVERY = { line1: '1 Orchard Road', city: 'Singapore', postal_code: '238801', country: 'SG', state: 'SG' };
const withIdentity = (ctx: ScenarioContext) => ({ 'body:identity': ctx.data.identity({ back_file: TINY_PNG_BASE64 }) });

export const CARDHOLDER_DOCUMENT_RULES: Rule[] = [
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
    outside: fc.oneof(
      fc.integer({ min: 0, max: 3 }).map((d) => base64Of(LIMIT + d)),
      fc.constant(base64Of(MIB2)),
    ),
    inside: fc.integer({ min: 1, max: 4 }).map((d) => base64Of(LIMIT - d)),
    edge: {
      ...constEdge(base64Of(LIMIT), base64Of(LIMIT - 1)),
      isOutside: (v) => decodedSize(v) === LIMIT,
      isInside: (v) => decodedSize(v) === LIMIT - 1,
      toInside: () => base64Of(LIMIT - 1),
      toOutside: () => base64Of(LIMIT),
    },
    boundary: 'decoded under 2 MB, MB read as 10^6 bytes (1,999,999 bytes accepted; 2,000,000 and 2 MiB refused)',
    source: 'page',
    disagreement: {
      follows: 'the page: the decoded file must be under 2 MB (小于 2 MB), MB the SI unit of 1,000,000 bytes',
      others:
        'the page does not say decimal or binary; a target on binary megabytes would accept 2,000,000–2,097,151 bytes (the outside edge names it)',
      sources: [
        'catalog/source/card-issuance-errors.zh.txt: document_size_exceeded (document size exceeds 2MB limit; 确保解码后文件小于 2 MB)',
      ],
    },
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
