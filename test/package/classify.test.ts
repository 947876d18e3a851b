// Proofs of classify(): every documented body is classified to entries that agree with it (its own among them);
// every defect body of npm run selfcheck (mock/variants.ts, answered by the mock's own Responder) is classified to
// nothing or to entries whose status, code and message it really has. The agreement check below is written
// independently of harness/judge.ts on purpose: it is the oracle classify() is held to.

import { describe, expect, it } from 'vitest';
import { type BodyDetails, errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { ApiFailure } from '../../mock/errors.ts';
import { Responder } from '../../mock/responder.ts';
import { DEFECT_KINDS, defectVariant } from '../../mock/variants.ts';
import { type Answer, classify, type Entry, catalog as publicCatalog } from '../../package/index.ts';

const catalog = loadCatalog();
const JSON_TYPE = 'application/json; charset=utf-8';
const details: BodyDetails = {
  message: 'field card_currency: must be one of SGD, USD',
  values: { id: 'b7d4e4b2-7f5e-4c51-9a0e-1a2b3c4d5e6f' },
  missingFields: [{ name: 'nationality', type: 'string', required: true }],
};

/** Does this answer really have the entry's status, envelope, type, code and message? */
function agrees(entry: Entry, status: number, body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if (status !== entry.status || b.code !== entry.code) return false;
  if (entry.envelope === 'A' ? b.type !== entry.type : 'type' in b) return false;
  switch (entry.message_kind) {
    case 'exact':
      return b.message === entry.message;
    case 'template': {
      const [before = '', after = ''] = (entry.message ?? '').split(/<\w+>/u);
      const text = String(b.message);
      return (
        typeof b.message === 'string' &&
        text.startsWith(before) &&
        text.endsWith(after) &&
        text.length > before.length + after.length
      );
    }
    case 'variable':
      return typeof b.message === 'string' && b.message !== '';
    case 'absent':
      return !('message' in b);
  }
}

const documented = catalog.entries.map((entry) => ({ id: entry.id, entry, body: errorBody(entry, details) }));
const ids = (entries: readonly Entry[]) => entries.map((e) => e.id);

describe('classify() on the documented bodies', () => {
  it('has one documented body per catalog entry', () => {
    expect(documented.length).toBe(publicCatalog.entries.length);
  });

  it.each(documented)('$id: its own entry, and only entries that agree with the body', ({ id, entry, body }) => {
    const { matches, reason } = classify({ status: entry.status, headers: { 'content-type': JSON_TYPE }, body });
    expect(ids(matches)).toContain(id);
    expect(reason).toBeUndefined();
    for (const match of matches) expect(agrees(match, entry.status, body), match.id).toBe(true);
  });

  it.each(documented)(
    '$id: on each documented operation, entries of that operation that agree',
    ({ id, entry, body }) => {
      const own = publicCatalog.entry(entry.id);
      for (const operation of own.operations) {
        const text = JSON.stringify(body);
        const { matches } = classify({ status: entry.status, body: text }, { operation });
        expect(matches.length, `${id} on ${operation}`).toBeGreaterThan(0);
        for (const match of matches) {
          expect(agrees(match, entry.status, body), match.id).toBe(true);
          expect(match.operations).toContain(operation);
        }
        // Only a general row can give way, and only to a row of the operation's own section.
        if (!ids(matches).includes(id)) expect(entry.section).toBe('general');
      }
    },
  );
});

describe('classify() where entries share a body', () => {
  const tooFrequent = { status: 429, body: { code: 429, message: 'Request is too frequent' } };

  it('returns every entry the body is, without an operation', () => {
    expect(ids(classify(tooFrequent).matches)).toEqual([
      'general.b.request_is_too_frequent',
      'card.b.request_is_too_frequent',
    ]);
  });

  it("returns the one of the operation's own section, with the operation", () => {
    expect(ids(classify(tooFrequent, { operation: 'Create PAN Token' }).matches)).toEqual([
      'card.b.request_is_too_frequent',
    ]);
    expect(ids(classify(tooFrequent, { operation: 'Create Card' }).matches)).toEqual([
      'general.b.request_is_too_frequent',
    ]);
    const restrict = {
      status: 400,
      body: errorBody(catalog.entryById.get('card.b.restrict_config_error') as CatalogEntry),
    };
    expect(ids(classify(restrict).matches)).toEqual([
      'card.b.restrict_config_error',
      'transaction.b.restrict_config_error',
    ]);
    expect(ids(classify(restrict, { operation: 'Simulate Reversal' }).matches)).toEqual([
      'transaction.b.restrict_config_error',
    ]);
  });

  it('returns nothing, and says so, for an entry the operation does not document', () => {
    const result = classify(
      { status: 400, body: errorBody(catalog.entryById.get('card.card_not_found') as CatalogEntry) },
      {
        operation: 'Create Cardholder',
      },
    );
    expect(result).toEqual({
      matches: [],
      reason: 'the answer is card.card_not_found, which the page does not document for Create Cardholder',
    });
  });
});

/** Every defect answer npm run selfcheck's mock sends: each entry broken in each defect class that fits it. */
function defectAnswers(): { name: string; broken: string; kind: string; answer: Answer }[] {
  return catalog.entries.flatMap((entry) =>
    DEFECT_KINDS.flatMap((kind) => {
      const variant = defectVariant(entry, kind, catalog);
      if (!variant) return [];
      const sent = new Responder(catalog, variant).answer(new ApiFailure(entry.id, details));
      // A raw answer with no content type is sent with none (the header is absent, not unknown).
      const rawHeaders = sent.raw?.contentType ? { 'content-type': sent.raw.contentType } : {};
      const answer: Answer = sent.raw
        ? { status: sent.status, headers: rawHeaders, body: sent.raw.text }
        : { status: sent.status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(sent.body) };
      return [{ name: variant.name, broken: entry.id, kind, answer }];
    }),
  );
}

describe('classify() on the defect bodies of npm run selfcheck', () => {
  const defects = defectAnswers();
  // Kinds whose answer is a correct documented body (another entry's, or the entry's own on its twin).
  const stillDocumented = new Set(['other-documented-body', 'twin-rejected']);

  it('covers every defect class on the catalog', () => {
    expect(new Set(defects.map((d) => d.kind))).toEqual(new Set(DEFECT_KINDS));
  });

  it('classifies each to nothing, or to entries whose status, code and message the answer really has', () => {
    const wrong: string[] = [];
    for (const { name, broken, kind, answer } of defects) {
      const { matches, reason } = classify(answer);
      const body = typeof answer.body === 'string' ? parse(answer.body) : answer.body;
      for (const match of matches) if (!agrees(match, answer.status, body)) wrong.push(`${name} -> ${match.id}`);
      if (!stillDocumented.has(kind) && ids(matches).includes(broken as Entry['id'])) wrong.push(`${name} -> itself`);
      if (matches.length === 0 && !reason) wrong.push(`${name}: no reason`);
    }
    expect(wrong).toEqual([]);
  });

  it('classifies a documented body sent under another entry to that other entry', () => {
    const others = defects.filter((d) => d.kind === 'other-documented-body');
    expect(others.length).toBeGreaterThan(0);
    for (const { answer } of others) expect(classify(answer).matches.length).toBeGreaterThan(0);
  });
});

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('classify() inputs', () => {
  const body = '{"type":"card_error","code":"card_not_found","message":"card not found or deactivated"}';

  it("reads the content type from fetch's Headers or a plain record, as the suite does", () => {
    expect(
      ids(classify({ status: 400, headers: new Headers({ 'Content-Type': 'application/json' }), body }).matches),
    ).toEqual(['card.card_not_found']);
    const html = classify({ status: 400, headers: new Headers({ 'content-type': 'text/html' }), body });
    expect(html.matches).toEqual([]);
    expect(html.reason).toMatch(/content_type: expected "application\/json", got "text\/html"/u);
    expect(classify({ status: 400, headers: { 'Content-Type': ['text/html'] }, body }).matches).toEqual([]);
    expect(ids(classify({ status: 400, body: JSON.parse(body) }).matches)).toEqual(['card.card_not_found']);
  });

  it('leaves the content type out without headers, and judges a missing one as the suite does when they are given', () => {
    expect(ids(classify({ status: 400, body }).matches)).toEqual(['card.card_not_found']);
    const unlabelled = classify({ status: 400, headers: {}, body });
    expect(unlabelled.matches).toEqual([]);
    expect(unlabelled.reason).toMatch(/content_type: expected "application\/json", got null/u);
  });

  it('says why an answer is no documented error', () => {
    expect(classify({ status: 400, body: 'Bad Request' }).reason).toBe('the body is not a JSON object');
    expect(classify({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html></html>' }).reason).toMatch(
      /^the target answered 502 without a JSON error envelope/u,
    );
  });

  it('refuses an answer without an HTTP status and an unknown operation, with one line', () => {
    expect(() => classify({ status: 0, body })).toThrow('classify: answer.status must be an HTTP status code');
    expect(() => classify({ status: 400, body }, { operation: 'Retrieve Crad' as never })).toThrow(
      'classify: unknown operation "Retrieve Crad"',
    );
  });
});
