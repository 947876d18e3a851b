// How operation rules say "answer with this catalog entry": throw fail('card.card_not_found'). The pipeline turns
// the failure into the documented body through catalog/envelope.ts, so rules never hold error text.

import type { BodyDetails } from '../catalog/envelope.ts';
import type { EntryId } from '../catalog/ids.ts';

/**
 * Not an Error subclass on purpose: refusals are the mock's hot path (thousands per second), and an Error captures
 * a stack trace on every construction. Nothing reads one; the pipeline catches these by class.
 */
export class ApiFailure {
  readonly name = 'ApiFailure';
  constructor(
    readonly entryId: EntryId,
    readonly details: BodyDetails = {},
    readonly headers: Record<string, string> = {},
  ) {}
}

export function fail(entryId: EntryId, details: BodyDetails = {}, headers: Record<string, string> = {}): ApiFailure {
  return new ApiFailure(entryId, details, headers);
}

/** general.invalid_request_error names the field path and the rule, as the page says its message does. */
export function invalidField({ path, rule }: { path: string; rule: string }): ApiFailure {
  return fail('general.invalid_request_error', { message: `${path}: ${rule}` });
}

/** Request parameters invalid: a required field is missing or has the wrong JSON type. */
export function badParameters(): ApiFailure {
  return fail('general.b.request_parameters_invalid');
}

/** Answers outside the catalog: unknown route (404), wrong method (405), oversized body (413). */
export class RoutingFailure extends Error {
  constructor(
    readonly status: 404 | 405 | 413,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RoutingFailure';
  }
}
