// Shape recording: what each operation's success bodies look like (field paths, JSON types, null vs absent) and
// every distinct error body, redacted, so two targets can be compared (npm run compare). A body's shape is a flat map
// from path ("cardholder.email", "data[].card_id") to JSON type; an absent field is an absent path, null is "null".
// Values are never kept for success bodies; error bodies are redacted at the source (harness/redact.ts).

import type { Observed } from '../contract/request.ts';
import { redactText, redactValue } from './redact.ts';

export type FieldTypes = Record<string, string>;

/** One response, as recorded during a case (attached to its metadata, then summarised into results.json). */
export type ShapeObservation =
  | { operation: string; status: number; kind: 'success'; fields: FieldTypes }
  | { operation: string; status: number; kind: 'error'; body: unknown };

export interface OperationShapes {
  /** Success bodies seen, and per path the types seen and in how many bodies it was present. */
  success: { samples: number; fields: Record<string, { types: string[]; present: number }> };
  /** Every distinct error body (redacted), with its status and how often it was seen. */
  errors: { status: number; body: unknown; count: number }[];
}

/** results.json's `shapes` section: by operation name. */
export type ShapesSection = Record<string, OperationShapes>;

/** Keys of free-form maps (metadata) are the caller's data, not the API's shape. */
const FREE_FORM = new Set(['metadata']);

export function fieldTypes(value: unknown, path = '', into: FieldTypes = {}): FieldTypes {
  const type = jsonType(value);
  if (path) into[path] = type;
  if (type === 'object' && !FREE_FORM.has(path.split('.').pop() ?? '')) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      fieldTypes(child, path ? `${path}.${key}` : key, into);
    }
  }
  if (type === 'array') for (const item of value as unknown[]) fieldTypes(item, `${path}[]`, into);
  return into;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function observe(observed: Observed, operation: string): ShapeObservation {
  if (observed.status >= 200 && observed.status < 300) {
    const fields = observed.json === undefined ? { '': 'non-json' } : fieldTypes(observed.json);
    return { operation, status: observed.status, kind: 'success', fields };
  }
  const body = observed.json === undefined ? redactText(observed.text.slice(0, 500)) : redactValue(observed.json);
  return { operation, status: observed.status, kind: 'error', body };
}

/** Collects observations until drained (one case at a time). */
export class ShapeRecorder {
  private pending: ShapeObservation[] = [];

  record(observed: Observed, operation: string): void {
    this.pending.push(observe(observed, operation));
  }

  drain(): ShapeObservation[] {
    const drained = this.pending;
    this.pending = [];
    return drained;
  }
}

/** Several runs' sections as one (a merge of shards): samples and counts add up, types and bodies unite. */
export function mergeShapes(sections: readonly ShapesSection[]): ShapesSection {
  const merged: ShapesSection = {};
  for (const section of sections) {
    for (const [operation, shapes] of Object.entries(section)) {
      merged[operation] ??= { success: { samples: 0, fields: {} }, errors: [] };
      const into = merged[operation] as OperationShapes;
      into.success.samples += shapes.success.samples;
      for (const [path, field] of Object.entries(shapes.success.fields)) {
        const known = into.success.fields[path] ?? { types: [], present: 0 };
        into.success.fields[path] = {
          types: [...new Set([...known.types, ...field.types])].sort(),
          present: known.present + field.present,
        };
      }
      for (const error of shapes.errors) {
        const known = into.errors.find(
          (e) => e.status === error.status && JSON.stringify(e.body) === JSON.stringify(error.body),
        );
        if (known) known.count += error.count;
        else into.errors.push({ ...error });
      }
    }
  }
  return sorted(merged);
}

export function summariseShapes(observations: readonly ShapeObservation[]): ShapesSection {
  const section: ShapesSection = {};
  // Each distinct error body once per operation, by its JSON text (a run has thousands of error answers).
  const errorsByKey = new Map<OperationShapes, Map<string, OperationShapes['errors'][number]>>();
  for (const o of observations) {
    section[o.operation] ??= { success: { samples: 0, fields: {} }, errors: [] };
    const shapes = section[o.operation] as OperationShapes;
    if (o.kind === 'success') {
      shapes.success.samples++;
      for (const [path, type] of Object.entries(o.fields)) {
        const field = shapes.success.fields[path] ?? { types: [], present: 0 };
        shapes.success.fields[path] = field;
        field.present++;
        if (!field.types.includes(type)) field.types = [...field.types, type].sort();
      }
    } else {
      const known = errorsByKey.get(shapes) ?? new Map<string, OperationShapes['errors'][number]>();
      errorsByKey.set(shapes, known);
      const key = `${o.status} ${JSON.stringify(o.body)}`;
      const seen = known.get(key);
      if (seen) seen.count++;
      else {
        const error = { status: o.status, body: o.body, count: 1 };
        known.set(key, error);
        shapes.errors.push(error);
      }
    }
  }
  return sorted(section);
}

/** Fields by path, errors by status then body, operations by name: the same run always reads the same. */
function sorted(section: ShapesSection): ShapesSection {
  for (const shapes of Object.values(section)) {
    shapes.success.fields = Object.fromEntries(
      Object.entries(shapes.success.fields).sort(([a], [b]) => a.localeCompare(b)),
    );
    const text = new Map(shapes.errors.map((e) => [e, JSON.stringify(e.body)]));
    shapes.errors.sort((a, b) => a.status - b.status || (text.get(a) ?? '').localeCompare(text.get(b) ?? ''));
  }
  return Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
}
