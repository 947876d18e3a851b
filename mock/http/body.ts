// Reads a POST body the way the pipeline's step 9 describes (see mock/RULES.md).

import type { AnyOperation } from '../../catalog/types.ts';
import { badParameters, fail } from '../errors.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/iu;

export function readBody(
  op: AnyOperation,
  contentType: string | undefined,
  raw: string | undefined,
): Record<string, unknown> {
  if (op.method === 'GET' || raw === undefined || raw.trim() === '') return {};
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw fail(
      op.id === 'create_card'
        ? 'card.b.content_type_is_not_supported_please_upload_the_correct_format'
        : 'general.b.params_json_error',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fail('general.b.params_json_error');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badParameters();
  return parsed as Record<string, unknown>;
}
