// The one place that turns a catalog entry into the error body the API documents for it. The mock answers with
// these bodies and the tests use them as the reference shape, so no error text is written twice.

import type { CatalogEntry } from './types.ts';

export interface MissingField {
  name: string;
  type?: 'string' | 'object';
  required?: boolean;
  description?: string;
  fields?: MissingField[];
}

export interface EnvelopeA {
  type: string;
  code: string;
  message?: string;
  missing_fields?: MissingField[];
}

export interface EnvelopeB {
  code: number;
  message: string;
}

export type ErrorBody = EnvelopeA | EnvelopeB;

export interface BodyDetails {
  /** The text for a variable entry (the page fixes none). Ignored for the other kinds. */
  message?: string;
  /** Values for a template's placeholders, by placeholder name. */
  values?: Record<string, string>;
  /** The fields a missing_fields entry reports. */
  missingFields?: MissingField[];
}

export class EnvelopeError extends Error {}

export function errorBody(entry: CatalogEntry, details: BodyDetails = {}): ErrorBody {
  const message = messageFor(entry, details);
  if (entry.envelope === 'B') return { code: entry.code, message: message ?? '' };
  const body: EnvelopeA = { type: entry.type, code: entry.code };
  if (message !== undefined) body.message = message;
  if (entry.missing_fields) {
    if (!details.missingFields?.length) throw new EnvelopeError(`${entry.id} needs a non-empty missing_fields list`);
    body.missing_fields = details.missingFields;
  }
  return body;
}

/** The message an entry's body carries, or undefined when the entry returns no message key. */
function messageFor(entry: CatalogEntry, details: BodyDetails = {}): string | undefined {
  switch (entry.message_kind) {
    case 'exact':
      return entry.message ?? '';
    case 'template':
      return fillTemplate(entry, details.values ?? {});
    case 'variable':
      if (!details.message) throw new EnvelopeError(`${entry.id} has no documented text: pass a message`);
      return details.message;
    case 'absent':
      return undefined;
  }
}

export function fillTemplate(entry: CatalogEntry, values: Record<string, string>): string {
  let text = entry.message ?? '';
  for (const name of Object.keys(entry.placeholders)) {
    const value = values[name];
    if (value === undefined) throw new EnvelopeError(`${entry.id} needs a value for <${name}>`);
    text = text.replaceAll(`<${name}>`, value);
  }
  return text;
}
