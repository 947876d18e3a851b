// catalog/ids.ts is generated from the catalog (npm run gen:ids); a stale copy would let the compiler accept ids the
// catalog no longer has, or refuse new ones.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentIds, renderIds } from '../../catalog/gen-ids.ts';
import {
  ENTRY_IDS,
  ENVELOPES,
  ERROR_CODES,
  ERROR_TYPES,
  MESSAGE_KINDS,
  OPERATION_IDS,
  OPERATION_NAMES,
  REMEDIATION_ACTIONS,
  SECTIONS,
} from '../../catalog/ids.ts';
import { loadCatalog } from '../../catalog/load.ts';

describe('catalog/ids.ts', () => {
  it('is what npm run gen:ids writes from errors.json and operations.json', () => {
    const onDisk = readFileSync(new URL('../../catalog/ids.ts', import.meta.url), 'utf8');
    expect(onDisk, 'catalog/ids.ts is stale: run npm run gen:ids').toBe(currentIds());
  });

  it('goes stale when the catalog gains an entry or an error code', () => {
    const errors = JSON.parse(readFileSync(new URL('../../catalog/errors.json', import.meta.url), 'utf8'));
    const operations = JSON.parse(readFileSync(new URL('../../catalog/operations.json', import.meta.url), 'utf8'));
    errors.entries.push({ id: 'card.a_new_entry', code: 'a_new_code' });
    expect(renderIds(errors, operations)).not.toBe(currentIds());
    expect(renderIds(errors, operations)).toContain("'card.a_new_entry',");
    expect(renderIds(errors, operations)).toContain("'a_new_code',");
  });

  it('lists every entry, error code and operation of the catalog, in catalog order', () => {
    const catalog = loadCatalog();
    expect(ENTRY_IDS).toEqual(catalog.entries.map((e) => e.id));
    expect(ERROR_CODES).toEqual([...new Set(catalog.entries.map((e) => e.code))]);
    expect(OPERATION_NAMES).toEqual(catalog.operations.map((o) => o.name));
    expect(OPERATION_IDS).toEqual(catalog.operations.map((o) => o.id));
  });

  it("holds every word of an entry's vocabularies that the catalog uses (the hand-kept unions once missed two)", () => {
    for (const e of loadCatalog().entries) {
      expect(SECTIONS).toContain(e.section);
      expect(ENVELOPES).toContain(e.envelope);
      if (e.envelope === 'A') expect(ERROR_TYPES).toContain(e.type);
      expect(MESSAGE_KINDS).toContain(e.message_kind);
      expect(REMEDIATION_ACTIONS).toContain(e.remediation.action);
    }
  });
});
