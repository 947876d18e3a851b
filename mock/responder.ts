// Turns a failure into its HTTP answer: the catalog entry's status and the documented body from the single
// envelope helper. A variant (see variants.ts) may deliberately distort entries, to prove the suite notices: one
// variant for every request, or batched variants chosen per request by name (VARIANT_HEADER).

import { errorBody } from '../catalog/envelope.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { ApiFailure } from './errors.ts';
import type { MockVariant } from './variants.ts';

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Sent as-is instead of the JSON of body (a defect variant's garbled answer); null: no Content-Type header. */
  raw?: { contentType: string | null; text: string };
}

export class Responder {
  private readonly batched: ReadonlyMap<string, MockVariant>;
  /** "<variant>|<operation>" where a twin-rejecting variant's entry has been answered. */
  private readonly answeredUnder = new Map<string, string>();

  constructor(
    private readonly catalog: Catalog,
    private readonly variant: MockVariant | null = null,
    variants: readonly MockVariant[] = [],
  ) {
    this.batched = new Map(variants.map((v) => [v.name, v]));
  }

  entry(id: string): CatalogEntry {
    const entry = this.catalog.entryById.get(id);
    if (!entry) throw new Error(`mock rule names unknown catalog entry "${id}"`);
    return entry;
  }

  answer(failure: ApiFailure, variantName?: string, operation?: string): HttpAnswer {
    const documented = this.entry(failure.entryId);
    const variant = this.variantFor(variantName);
    const defect = variant?.defects[failure.entryId];
    if (!defect || defect.rejectTwinWith) {
      if (defect?.rejectTwinWith && variant && operation) {
        this.answeredUnder.set(`${variant.name}|${operation}`, defect.rejectTwinWith);
      }
      return { status: documented.status, body: errorBody(documented, failure.details), headers: failure.headers };
    }
    const distorted = { ...documented, ...defect.entry } as CatalogEntry;
    const details =
      defect.entry.message && documented.message_kind === 'variable'
        ? { ...failure.details, message: defect.entry.message }
        : failure.details;
    const body = defect.body ? defect.body(errorBody(distorted, details)) : errorBody(distorted, details);
    const raw = defect.raw ? { contentType: defect.raw.contentType, text: defect.raw.text(JSON.stringify(body)) } : {};
    return { status: distorted.status, body, headers: failure.headers, ...(defect.raw ? { raw } : {}) } as HttpAnswer;
  }

  /** A success under a twin-rejecting variant, after its entry was answered on the operation: the documented 400. */
  review(answer: HttpAnswer, variantName: string | undefined, operation: string): HttpAnswer {
    if (answer.status >= 300 || !variantName) return answer;
    const rejectWith = this.answeredUnder.get(`${variantName}|${operation}`);
    if (!rejectWith) return answer;
    const entry = this.entry(rejectWith);
    return { status: entry.status, body: errorBody(entry), headers: {} };
  }

  private variantFor(name: string | undefined): MockVariant | null {
    return (name ? this.batched.get(name) : undefined) ?? this.variant;
  }
}
