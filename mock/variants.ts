// Defect variants: the mock with one documented entry deliberately wrong. The suite's own tests run against them to
// prove that every kind of check can fail (a conformance suite that passes against a broken API is useless).

import type { CatalogEntry } from '../catalog/types.ts';

export interface EntryDefect {
  /** Fields of the entry to replace (status, type, code, message). */
  entry: Partial<Pick<CatalogEntry, 'status' | 'message'>> & { type?: string; code?: string | number };
  /** A last change to the body (drop a key, add one). */
  body?: (body: object) => unknown;
}

export interface MockVariant {
  name: string;
  defects: Record<string, EntryDefect>;
}

export type DefectKind = 'message' | 'status' | 'type' | 'code' | 'extra-field' | 'missing-message';

/** One entry broken in one way. Returns null when that kind cannot apply (no type on envelope B, …). */
export function defectVariant(entry: CatalogEntry, kind: DefectKind): MockVariant | null {
  const defect = defectFor(entry, kind);
  return defect ? { name: `${entry.id}:${kind}`, defects: { [entry.id]: defect } } : null;
}

function defectFor(entry: CatalogEntry, kind: DefectKind): EntryDefect | null {
  switch (kind) {
    case 'message':
      if (entry.message_kind === 'absent') return { entry: {}, body: (b) => ({ ...b, message: String(entry.code) }) };
      if (entry.message_kind === 'variable') return { entry: {}, body: (b) => ({ ...b, message: '' }) };
      return { entry: { message: offByOne(entry.message ?? '') } };
    case 'status':
      return { entry: { status: entry.status === 400 ? 422 : 400 } };
    case 'type':
      if (entry.envelope === 'B') return { entry: {}, body: (b) => ({ type: 'card_error', ...b }) };
      return { entry: { type: entry.type === 'card_error' ? 'cardholder_error' : 'card_error' } };
    case 'code':
      return { entry: { code: entry.envelope === 'A' ? `${entry.code}_x` : entry.code === 400 ? 4000 : 400 } };
    case 'extra-field':
      return { entry: {}, body: (b) => ({ ...b, request_id: 'req_0001' }) };
    case 'missing-message':
      if (entry.message_kind === 'absent') return null;
      return {
        entry: {},
        body: (b) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'message')),
      };
  }
}

/** The same text with its last character changed: the smallest drift a byte-for-byte check must catch. */
function offByOne(text: string): string {
  const last = text.at(-1) ?? '';
  return `${text.slice(0, -1)}${last === '.' ? '' : last === 'x' ? 'y' : 'x'}`;
}
