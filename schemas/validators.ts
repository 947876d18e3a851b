// Compiles every schema once, in ajv's strict 2020-12 mode, and exposes one validator per document kind.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA_FILES = [
  'envelope-a.schema.json',
  'envelope-b.schema.json',
  'error-body.schema.json',
  'catalog.schema.json',
  'operations.schema.json',
  'deviations.schema.json',
] as const;

export type SchemaName = (typeof SCHEMA_FILES)[number];

function readSchema(file: SchemaName): { $id: string } {
  return JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'));
}

// Union types ("string or null") are how the catalog says a cell may be empty; everything else stays strict.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const ids = new Map<SchemaName, string>();
for (const file of SCHEMA_FILES) {
  const schema = readSchema(file);
  ajv.addSchema(schema);
  ids.set(file, schema.$id);
}

function compiled(file: SchemaName): ValidateFunction {
  const validate = ajv.getSchema(ids.get(file) ?? file);
  if (!validate) throw new Error(`schema ${file} did not compile`);
  return validate;
}

export const validators = {
  envelopeA: compiled('envelope-a.schema.json'),
  envelopeB: compiled('envelope-b.schema.json'),
  errorBody: compiled('error-body.schema.json'),
  catalog: compiled('catalog.schema.json'),
  operations: compiled('operations.schema.json'),
  deviations: compiled('deviations.schema.json'),
};

/** One readable line per schema violation, e.g. "/entries/3/status must be equal to one of the allowed values". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
