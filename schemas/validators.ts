// One validator per document kind, from schemas compiled in ajv's strict 2020-12 mode. From dist/, npm run build
// compiled them already (build/compile-schemas.mjs writes dist/schemas/validators.compiled.js): each thread imports
// that module instead of loading ajv and compiling the six schemas at every start. From the sources (tsx), they are
// compiled here, once per process, with the same options.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import RUNTIME_SCHEMAS from './runtime-schemas.json' with { type: 'json' };

/** The validators and their schema files (build/compile-schemas.mjs compiles the same list). */
export const RUNTIME_SCHEMA_FILES = RUNTIME_SCHEMAS;

type Validators = Record<keyof typeof RUNTIME_SCHEMA_FILES, ValidateFunction>;

async function compileHere(): Promise<Validators> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  // Union types ("string or null") are how the catalog says a cell may be empty; everything else stays strict.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  const compiled = {} as Validators;
  for (const [name, file] of Object.entries(RUNTIME_SCHEMA_FILES)) {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    compiled[name as keyof Validators] = ajv.getSchema(schema.$id) as ValidateFunction;
  }
  return compiled;
}

// This module's own URL ends in .js only when it runs from dist/, where the build left the compiled module beside it.
export const validators: Validators = import.meta.url.endsWith('.js')
  ? ((await import(new URL('./validators.compiled.js', import.meta.url).href)) as Validators)
  : await compileHere();

/** One readable line per schema violation, e.g. "/entries/3/status must be equal to one of the allowed values". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
