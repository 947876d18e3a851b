// npm run build compiles the run-time schemas into dist/schemas/validators.compiled.js (build/compile-schemas.mjs);
// from dist/ every thread uses those instead of compiling its own. They must judge exactly as the sources' do.
// npm test builds before vitest runs, so dist/ is current here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_SCHEMA_FILES, validators } from '../../schemas/validators.ts';

const compiled = (await import(new URL('../../dist/schemas/validators.js', import.meta.url).href))
  .validators as typeof validators;
const json = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

const documents: [keyof typeof validators, unknown][] = [
  ['catalog', json('catalog/errors.json')],
  ['operations', json('catalog/operations.json')],
  ['catalog', { entries: [{ id: 1 }] }],
  ['operations', []],
  ['deviations', json('conformance.deviations.json')],
  ['deviations', { deviations: [{ entry: 3 }] }],
  ['envelopeA', { type: 'invalid_request_error', code: 'card_not_found', message: 'Card not found.' }],
  ['envelopeA', { type: 'not_found', code: 404, message: null }],
  ['envelopeB', { code: 400, message: 'Card does not exist.' }],
  ['envelopeB', { code: '400' }],
  ['errorBody', { code: 400, message: 'x', extra: true }],
];

describe('the compiled validators in dist/', () => {
  it('are the ones schemas/runtime-schemas.json lists', () => {
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(RUNTIME_SCHEMA_FILES).sort());
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(validators).sort());
  });

  it.each(documents.map(([kind, doc], i) => [`${kind} #${i}`, kind, doc] as const))(
    '%s: same verdict and errors as the sources',
    (_, kind, doc) => {
      const fromSources = validators[kind](doc);
      expect(compiled[kind](doc)).toBe(fromSources);
      expect(compiled[kind].errors ?? null).toEqual(validators[kind].errors ?? null);
    },
  );

  it('reject at least one document of each kind (the comparison is not vacuous)', () => {
    const rejected = new Set(documents.filter(([kind, doc]) => !validators[kind](doc)).map(([kind]) => kind));
    expect([...rejected].sort()).toEqual(Object.keys(validators).sort());
  });
});
