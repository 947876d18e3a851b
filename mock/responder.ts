// Turns a failure into its HTTP answer: the catalog entry's status and the documented body from the single
// envelope helper. A variant (see variants.ts) may deliberately distort entries, to prove the suite notices.

import { errorBody } from '../catalog/envelope.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { ApiFailure } from './errors.ts';
import type { MockVariant } from './variants.ts';

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class Responder {
  constructor(
    private readonly catalog: Catalog,
    private readonly variant: MockVariant | null = null,
  ) {}

  entry(id: string): CatalogEntry {
    const entry = this.catalog.entryById.get(id);
    if (!entry) throw new Error(`mock rule names unknown catalog entry "${id}"`);
    return entry;
  }

  answer(failure: ApiFailure): HttpAnswer {
    const documented = this.entry(failure.entryId);
    const defect = this.variant?.defects[failure.entryId];
    if (!defect) {
      return { status: documented.status, body: errorBody(documented, failure.details), headers: failure.headers };
    }
    const distorted = { ...documented, ...defect.entry } as CatalogEntry;
    const details =
      defect.entry.message && documented.message_kind === 'variable'
        ? { ...failure.details, message: defect.entry.message }
        : failure.details;
    const body = defect.body ? defect.body(errorBody(distorted, details)) : errorBody(distorted, details);
    return { status: distorted.status, body, headers: failure.headers };
  }
}
