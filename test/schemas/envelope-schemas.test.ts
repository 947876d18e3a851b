import { describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { validators } from '../../schemas/validators.ts';

const catalog = loadCatalog();
const documented = catalog.entries.map((entry) => ({
  id: entry.id,
  envelope: entry.envelope,
  body: errorBody(entry, {
    message: 'field card_currency: must be one of SGD, USD',
    values: { id: 'b7d4e4b2-7f5e-4c51-9a0e-1a2b3c4d5e6f' },
    missingFields: [{ name: 'nationality', type: 'string', required: true }],
  }) as unknown as Record<string, unknown>,
}));
const validatorFor = (envelope: 'A' | 'B') => (envelope === 'A' ? validators.envelopeA : validators.envelopeB);
const other = (envelope: 'A' | 'B') => (envelope === 'A' ? validators.envelopeB : validators.envelopeA);

describe('each entry documented shape', () => {
  it.each(documented)('$id is accepted by envelope $envelope and the union, and by no other envelope', (c) => {
    expect(validatorFor(c.envelope)(c.body), JSON.stringify(validatorFor(c.envelope).errors)).toBe(true);
    expect(validators.errorBody(c.body)).toBe(true);
    expect(other(c.envelope)(c.body)).toBe(false);
  });
});

const exampleA = documented.find((c) => c.id === 'card.card_not_found')?.body ?? {};
const exampleB = documented.find((c) => c.id === 'card.b.card_does_not_exists')?.body ?? {};
const without = (body: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));

describe('near-misses are rejected', () => {
  it.each([
    ['A without type', 'A', without(exampleA, 'type')],
    ['A without code', 'A', without(exampleA, 'code')],
    ['A with a numeric code', 'A', { ...exampleA, code: 400 }],
    ['A with an undocumented type', 'A', { ...exampleA, type: 'not_found' }],
    ['A with a numeric message', 'A', { ...exampleA, message: 404 }],
    ['A with a null message', 'A', { ...exampleA, message: null }],
    ['A with an empty missing_fields list', 'A', { ...exampleA, missing_fields: [] }],
    ['A with an extra field', 'A', { ...exampleA, request_id: 'r-1' }],
    ['B with a string code', 'B', { ...exampleB, code: '400' }],
    ['B without message', 'B', without(exampleB, 'message')],
    ['B with an empty message', 'B', { ...exampleB, message: '' }],
    ['B with an object message', 'B', { ...exampleB, message: { text: 'Card does not exists' } }],
    ['B with a type', 'B', { ...exampleB, type: 'card_error' }],
    ['B with an extra field', 'B', { ...exampleB, data: null }],
  ] as const)('%s', (_name, envelope, body) => {
    expect(validatorFor(envelope)(body)).toBe(false);
    expect(validators.errorBody(body)).toBe(false);
  });

  it.each([null, [], 'Card does not exists', 400, { error: 'token has expired' }])('the union rejects %j', (body) => {
    expect(validators.errorBody(body)).toBe(false);
  });
});
