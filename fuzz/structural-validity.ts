// Is a structurally mutated request still valid per the operation's documented request (fuzz/request-shapes.ts)?
// - invalid: a required field missing or emptied, a wrong JSON type, an unknown enum value, a body that is not a
//   JSON object, malformed JSON, a malformed path id or list filter: a 2xx answer fails structural fuzz;
// - valid: an extra field, an optional field removed, an undocumented query parameter: a 2xx is fine;
// - observe: the page leaves it open, or the mock and the sandbox may well differ (a null optional field, an empty
//   filter, a well-typed value that other rules judge): the answer is recorded, as precedence records its winner.

import type { OperationName } from '../catalog/ids.ts';
import type { RequestSpec } from '../contract/request.ts';
import { type FieldType, type QueryKind, REQUEST_SHAPES, type RequestShape } from './request-shapes.ts';

/** One structural change to a valid request (fuzz/structural.ts generates them). */
export type Mutation =
  | { kind: 'replace-body'; value: unknown }
  | { kind: 'drop'; key: string }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'param'; key: string; value: string };

export type Validity = { kind: 'invalid' | 'valid' | 'observe'; why: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
/** A record's own entry: a generated key such as "toString" names no field. */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
const invalid = (why: string): Validity => ({ kind: 'invalid', why });
const valid = (why: string): Validity => ({ kind: 'valid', why });
const observe = (why: string): Validity => ({ kind: 'observe', why });

function typeOk(type: FieldType, value: unknown): boolean {
  if (typeof type !== 'string') return typeof value === 'string' && type.includes(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === 'string';
}

const describeType = (type: FieldType) => (typeof type === 'string' ? `a ${type}` : `one of ${type.join('/')}`);

/** One field set to a value. */
function fieldValidity(shape: RequestShape, key: string, value: unknown): Validity {
  const required = own(shape.required, key);
  const type = required ?? own(shape.optional, key);
  if (type === undefined) return valid(`extra field ${key}`);
  if (value === null || value === undefined)
    return required ? invalid(`required ${key} set to null`) : observe(`optional ${key} set to null`);
  if (!typeOk(type, value)) return invalid(`${key} is not ${describeType(type)}`);
  if (required && value === '') return invalid(`required ${key} empty`);
  return observe(`${key} set to a well-typed value`);
}

/** A whole body (a replaced body, or raw JSON that parsed). */
function bodyValidity(shape: RequestShape, value: unknown): Validity {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('body is not a JSON object');
  const record = value as Record<string, unknown>;
  const missing = Object.keys(shape.required).find((key) => !(key in record));
  if (missing) return invalid(`required ${missing} missing`);
  const verdicts = Object.entries(record).map(([key, v]) => fieldValidity(shape, key, v));
  return (
    verdicts.find((v) => v.kind === 'invalid') ??
    verdicts.find((v) => v.kind === 'observe') ??
    valid('only extra fields besides the required ones')
  );
}

function queryValidity(kind: QueryKind | undefined, key: string, value: string): Validity {
  if (kind === undefined) return valid(`undocumented query parameter ${key}`);
  if (value === '') return observe(`empty ${key}`);
  const ok: Record<QueryKind, () => boolean> = {
    page_size: () => /^\d+$/u.test(value) && Number(value) >= 10 && Number(value) <= 100,
    page_number: () => /^\d+$/u.test(value) && Number(value) >= 1,
    uuid: () => UUID.test(value),
    currency: () => /^[A-Z]{3}$/u.test(value),
    'date-time': () => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value),
    enum: () => /^[A-Z][A-Z_]*$/u.test(value),
    text: () => true,
  };
  if (!ok[kind]()) return invalid(`${key} is not a valid ${kind}`);
  return kind === 'page_size' || kind === 'page_number' ? valid(`${key} in range`) : observe(`${key} well-formed`);
}

export function mutationValidity(operation: OperationName, base: RequestSpec, m: Mutation): Validity {
  const shape = REQUEST_SHAPES[operation];
  const body = (base.body ?? {}) as Record<string, unknown>;
  switch (m.kind) {
    case 'replace-body':
      return bodyValidity(shape, m.value);
    case 'drop':
      if (!(m.key in body)) return valid(`${m.key} was not sent anyway`);
      return own(shape.required, m.key) ? invalid(`required ${m.key} dropped`) : valid(`optional ${m.key} dropped`);
    case 'set':
      return fieldValidity(shape, m.key, m.value);
    case 'raw': {
      if (m.text === '') return observe('empty body');
      if (m.text.trim() === '') return observe('whitespace body');
      let parsed: unknown;
      try {
        parsed = JSON.parse(m.text);
      } catch {
        return invalid('malformed JSON');
      }
      return bodyValidity(shape, parsed);
    }
    case 'query':
      return queryValidity(own(shape.query, m.key), m.key, m.value);
    case 'param':
      return UUID.test(m.value) ? observe(`${m.key} a well-formed id`) : invalid(`${m.key} not a UUID`);
  }
}
