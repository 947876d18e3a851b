// The success-body schemas, compiled once in ajv's strict 2020-12 mode (like ../validators.ts): one per operation
// id, each built on the shared objects of defs.schema.json. Retrieve Issuing Report has none: it downloads CSV.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describeErrors } from '../validators.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const DEFS = 'defs.schema.json';

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const read = (file: string) => JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as { $id: string };
ajv.addSchema(read(DEFS));

const byOperation = new Map<string, ValidateFunction>();
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.schema.json') && f !== DEFS)) {
  byOperation.set(file.replace('.schema.json', ''), ajv.compile(read(file)));
}

/** Operation ids that have a success-body schema. */
export const OPERATIONS_WITH_RESPONSE_SCHEMAS: readonly string[] = [...byOperation.keys()].sort();

/** The violations of a success body against its operation's schema; [] when it conforms. */
export function responseViolations(operationId: string, body: unknown): string[] {
  const validate = byOperation.get(operationId);
  if (!validate) throw new Error(`no response schema for operation ${operationId}`);
  return validate(body) ? [] : describeErrors(validate.errors);
}
