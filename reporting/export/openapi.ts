// An OpenAPI 3.1 fragment that documents each operation's error responses from the catalog: per operation and
// status, the body schema (envelope A or B, from schemas/) and one example per documented entry, byte for byte.

import { readFileSync } from 'node:fs';
import { type BodyDetails, errorBody } from '../../catalog/envelope.ts';
import type { Catalog } from '../../catalog/load.ts';
import type { CatalogEntry, Operation } from '../../catalog/types.ts';

const ENVELOPES = { A: 'ErrorEnvelopeA', B: 'ErrorEnvelopeB' } as const;

/** Embedded whole: its $id keeps its own "#/$defs/…" references resolving inside it (JSON Schema 2020-12). */
function schemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8'));
}

/** Example values for what the page leaves open: a template's placeholders, a variable text, missing fields. */
function exampleDetails(entry: CatalogEntry): BodyDetails {
  return {
    values: Object.fromEntries(Object.keys(entry.placeholders).map((name) => [name, `<${name}>`])),
    message: '(text chosen by the API)',
    missingFields: [{ name: 'first_name', type: 'string', required: true }],
  };
}

function entriesOf(catalog: Catalog, op: Operation): CatalogEntry[] {
  return catalog.entries.filter((e) => e.operations === '*' || e.operations.includes(op.name));
}

export function openApiFragment(catalog: Catalog): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of catalog.operations) {
    const byStatus = new Map<number, CatalogEntry[]>();
    for (const entry of entriesOf(catalog, op))
      byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), entry]);
    const responses = Object.fromEntries(
      [...byStatus]
        .sort(([a], [b]) => a - b)
        .map(([status, entries]) => {
          const envelopes = [...new Set(entries.map((e) => e.envelope))].sort();
          const refs = envelopes.map((env) => ({ $ref: `#/components/schemas/${ENVELOPES[env]}` }));
          return [
            String(status),
            {
              description: `Documented errors: ${entries.map((e) => e.id).join(', ')}`,
              content: {
                'application/json': {
                  schema: refs.length === 1 ? refs[0] : { oneOf: refs },
                  examples: Object.fromEntries(
                    entries.map((e) => [
                      e.id,
                      {
                        summary: `${e.envelope === 'A' ? `${e.type} / ` : ''}${e.code}${e.message ? `: ${e.message}` : ''}`,
                        ...(e.message_kind === 'exact' ? {} : { description: `message kind: ${e.message_kind}` }),
                        value: errorBody(e, exampleDetails(e)),
                      },
                    ]),
                  ),
                },
              },
            },
          ];
        }),
    );
    const path = paths[op.path] ?? {};
    paths[op.path] = path;
    path[op.method.toLowerCase()] = { operationId: op.id, summary: op.name, tags: [op.section], responses };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'UQPAY Card Issuance API — documented error responses',
      version: catalog.source.sha256.slice(0, 12),
      description: `Generated from the conformance suite's catalog (${catalog.entries.length} entries, source ${catalog.source.page}). Messages are byte-exact.`,
    },
    paths,
    components: {
      schemas: {
        [ENVELOPES.A]: schemaFile('envelope-a.schema.json'),
        [ENVELOPES.B]: schemaFile('envelope-b.schema.json'),
      },
    },
  };
}
