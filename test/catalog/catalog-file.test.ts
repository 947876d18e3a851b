import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRY_IDS, OPERATION_NAMES } from '../../catalog/ids.ts';
import { CatalogError, loadCatalog, parseCatalog } from '../../catalog/load.ts';

const catalog = loadCatalog();
const errorsDoc = JSON.parse(readFileSync(new URL('../../catalog/errors.json', import.meta.url), 'utf8'));
const operationsDoc = JSON.parse(readFileSync(new URL('../../catalog/operations.json', import.meta.url), 'utf8'));
const clone = <T>(value: T): T => structuredClone(value);

describe('catalog/errors.json', () => {
  it('validates against its schema and loads every entry (the page test pins how many the page has)', () => {
    expect(catalog.entries.map((e) => e.id)).toEqual([...ENTRY_IDS]);
  });

  it('has unique ids', () => {
    expect(new Set(catalog.entries.map((e) => e.id)).size).toBe(catalog.entries.length);
  });

  it('marks missing_fields on exactly the three rows the page annotates', () => {
    expect(catalog.entries.filter((e) => e.missing_fields).map((e) => e.id)).toEqual([
      'cardholder.kyc_insufficient',
      'cardholder.supplement_fields_incomplete',
      'cardholder.cardholder_incomplete_fields',
    ]);
  });

  it('has four absent, three variable and one template message', () => {
    const kinds = (kind: string) => catalog.entries.filter((e) => e.message_kind === kind).map((e) => e.id);
    expect(kinds('absent')).toHaveLength(4);
    expect(kinds('variable')).toEqual(['general.invalid_request_error', 'general.forbidden', 'general.api_error']);
    expect(kinds('template')).toEqual(['transaction.invalid_request_error']);
  });

  it('names each operation of a resource row once; the general rows apply to every operation', () => {
    for (const e of catalog.entries) {
      if (e.operations === '*') expect(e.section, e.id).toBe('general');
      else expect(new Set(e.operations).size, e.id).toBe(e.operations.length);
    }
  });
});

describe('catalog/operations.json', () => {
  it('lists the operations the page names, each once', () => {
    expect(catalog.operations.map((o) => o.name)).toEqual([...OPERATION_NAMES]);
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length);
  });

  it('takes x-idempotency-key exactly on the POST operations', () => {
    for (const op of catalog.operations) expect(op.idempotency_key, op.name).toBe(op.method === 'POST');
  });
});

describe('a broken catalog is refused with a precise message', () => {
  const problemsOf = (errors: unknown, operations: unknown = operationsDoc) => {
    try {
      parseCatalog(errors, operations);
    } catch (error) {
      if (error instanceof CatalogError) return error.problems;
      throw error;
    }
    return [];
  };

  it('names a schema violation by its path', () => {
    const doc = clone(errorsDoc);
    doc.entries[5].status = 418;
    expect(problemsOf(doc)).toContain('/entries/5/status must be equal to one of the allowed values');
  });

  it('names a duplicate id', () => {
    const doc = clone(errorsDoc);
    doc.entries[1].id = doc.entries[0].id;
    expect(problemsOf(doc)).toContain('id "general.invalid_request_error" appears more than once');
  });

  it('names a status that contradicts the type', () => {
    const doc = clone(errorsDoc);
    doc.entries[3].status = 400;
    expect(problemsOf(doc)).toContain('general.api_error: status 400 but its type and code give 500');
  });

  it('names an unknown operation', () => {
    const doc = clone(errorsDoc);
    doc.entries[17].operations = ['Delete Card'];
    expect(problemsOf(doc)).toEqual([`${doc.entries[17].id}: unknown operation "Delete Card"`]);
  });

  it('refuses an envelope B entry with a type, and an A entry with a numeric code', () => {
    const doc = clone(errorsDoc);
    doc.entries[11].type = 'card_error';
    doc.entries[0].code = 400;
    expect(problemsOf(doc).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an operations file with a duplicate name', () => {
    const ops = clone(operationsDoc);
    ops.operations[1].name = ops.operations[0].name;
    expect(problemsOf(errorsDoc, ops)).toEqual(['operation name "Create Card" appears more than once']);
  });
});
