// Loads catalog/errors.json and catalog/operations.json, validates both against their schemas and against each
// other, and returns them typed. Everything downstream (mock, generators, suites, reports) reads the catalog here.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeErrors, validators } from '../schemas/validators.ts';
import type { CatalogEntry, Operation } from './types.ts';

export interface Catalog {
  source: { file: string; sha256: string; page: string };
  entries: readonly CatalogEntry[];
  operations: readonly Operation[];
  entryById: ReadonlyMap<string, CatalogEntry>;
  operationByName: ReadonlyMap<string, Operation>;
}

/** A catalog file that cannot be used; the message names the file and every problem found. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid catalog:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CatalogError';
  }
}

const DEFAULT_ERRORS = fileURLToPath(new URL('./errors.json', import.meta.url));
const DEFAULT_OPERATIONS = fileURLToPath(new URL('./operations.json', import.meta.url));

let cached: Catalog | undefined;

/** The project's own catalog, loaded and checked once per process. */
export function loadCatalog(): Catalog {
  cached ??= loadCatalogFrom(DEFAULT_ERRORS, DEFAULT_OPERATIONS);
  return cached;
}

function loadCatalogFrom(errorsFile: string, operationsFile: string): Catalog {
  return parseCatalog(readJson(errorsFile), readJson(operationsFile), errorsFile, operationsFile);
}

export function parseCatalog(
  errorsDoc: unknown,
  operationsDoc: unknown,
  errorsFile = 'errors.json',
  operationsFile = 'operations.json',
): Catalog {
  if (!validators.operations(operationsDoc)) {
    throw new CatalogError(operationsFile, describeErrors(validators.operations.errors));
  }
  if (!validators.catalog(errorsDoc)) throw new CatalogError(errorsFile, describeErrors(validators.catalog.errors));
  const { operations } = operationsDoc as { operations: Operation[] };
  const { source, entries } = errorsDoc as Pick<Catalog, 'source'> & { entries: CatalogEntry[] };

  const operationProblems = [
    ...duplicates(operations.map((o) => o.name)).map((n) => `operation name "${n}" appears more than once`),
    ...duplicates(operations.map((o) => o.id)).map((n) => `operation id "${n}" appears more than once`),
  ];
  if (operationProblems.length) throw new CatalogError(operationsFile, operationProblems);

  const operationByName = new Map(operations.map((o) => [o.name, o]));
  const problems = [
    ...duplicates(entries.map((e) => e.id)).map((id) => `id "${id}" appears more than once`),
    ...entries.flatMap((e) => entryProblems(e, operationByName)),
  ];
  if (problems.length) throw new CatalogError(errorsFile, problems);

  return deepFreeze({
    source,
    entries,
    operations,
    entryById: new Map(entries.map((e) => [e.id, e])),
    operationByName,
  });
}

/** The HTTP status the page's type table assigns: 401/403 for unauthorized_error, 500 for api_error, else 400. */
function statusForType(type: string, code: string): number {
  if (type === 'unauthorized_error') return code === 'forbidden' ? 403 : 401;
  return type === 'api_error' ? 500 : 400;
}

function entryProblems(entry: CatalogEntry, operationByName: ReadonlyMap<string, Operation>): string[] {
  const problems: string[] = [];
  const expected = entry.envelope === 'A' ? statusForType(entry.type, entry.code) : entry.code;
  if (entry.status !== expected)
    problems.push(`${entry.id}: status ${entry.status} but its type and code give ${expected}`);
  if (entry.operations !== '*') {
    for (const name of entry.operations) {
      if (!operationByName.has(name)) problems.push(`${entry.id}: unknown operation "${name}"`);
    }
  }
  if (entry.message_kind === 'template') {
    for (const placeholder of Object.keys(entry.placeholders)) {
      if (!entry.message?.includes(`<${placeholder}>`)) {
        problems.push(`${entry.id}: placeholder <${placeholder}> is not in the message`);
      }
    }
  }
  return problems;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogError(file, [`is not JSON: ${(error as Error).message}`]);
  }
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => seen.has(v) || !seen.add(v));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of value instanceof Map ? value.values() : Object.values(value)) deepFreeze(child);
  }
  return value;
}
