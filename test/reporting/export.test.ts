// The exports have the shapes their tools expect: an OpenAPI 3.1 document whose references resolve and whose every
// example is a valid documented body; a Postman v2.1 collection whose faulty requests carry the contract tests and
// which holds no API key or token.

import { describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { recordSequentialRun } from '../../cli/record-run.ts';
import { openApiFragment } from '../../reporting/export/openapi.ts';
import { postmanCollection } from '../../reporting/export/postman.ts';
import { validators } from '../../schemas/validators.ts';

const catalog = loadCatalog();
type Json = Record<string, unknown>;

describe('OpenAPI 3.1 fragment', () => {
  const doc = openApiFragment(catalog) as Json & { paths: Record<string, Record<string, Json>> };
  const operations = Object.values(doc.paths).flatMap((item) => Object.entries(item));

  it('has the required top-level fields and one operation per catalog operation', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/u);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(operations.map(([, op]) => op.operationId).sort()).toEqual(catalog.operations.map((o) => o.id).sort());
    for (const [method] of operations) expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
  });

  it('documents every (entry, operation) pair with a byte-exact example under the right status', () => {
    for (const op of catalog.operations) {
      const responses = doc.paths[op.path]?.[op.method.toLowerCase()]?.responses as Record<string, Json>;
      const documented = catalog.entries.filter((e) => e.operations === '*' || e.operations.includes(op.name));
      for (const entry of documented) {
        const response = responses[String(entry.status)] as Json & { content: Record<string, Json> };
        expect(response.description, `${op.name} ${entry.status}`).toEqual(expect.any(String));
        const examples = response.content['application/json']?.examples as Record<string, Json>;
        const example = examples[entry.id];
        expect(example, `${op.name} › ${entry.id}`).toBeDefined();
        if (entry.message_kind === 'exact' && !entry.missing_fields) expect(example?.value).toEqual(errorBody(entry));
        const validate = entry.envelope === 'A' ? validators.envelopeA : validators.envelopeB;
        expect(validate(example?.value), `${entry.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('every $ref resolves', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/[^"]+"/gu) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const path = ref.slice(10, -1).split('/');
      let node: unknown = doc;
      for (const key of path) node = (node as Json)[key];
      expect(node, ref).toBeTypeOf('object');
    }
  });
});

describe('Postman v2.1 collection', () => {
  it('has the v2.1 shape, a token pre-request, contract tests on each faulty request, and no secret', async () => {
    const run = await recordSequentialRun(9, 'Retrieve Card › ');
    expect(run.failed).toEqual([]);
    const collection = postmanCollection(run.cases, { ...run, seed: 9 }) as Json & { item: Json[]; event: Json[] };
    expect((collection.info as Json).schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
    expect(JSON.stringify(collection.event)).toContain('/v1/connect/token');
    const folders = collection.item.slice(1) as (Json & { item: Json[] })[];
    expect(folders.map((f) => f.name)).toEqual(run.cases.map((c) => c.title));
    for (const folder of folders) {
      const faulty = folder.item.filter((i) => String(i.name).startsWith('faulty: '));
      expect(faulty, String(folder.name)).toHaveLength(1);
      const exec = JSON.stringify(faulty[0]?.event);
      for (const check of ['status', 'code', 'message'])
        expect(exec).toContain(`pm.test('${check === 'message' ? '' : check}`);
      for (const item of folder.item) {
        const request = item.request as Json & { url: string; method: string };
        expect(request.url).toMatch(/^\{\{(baseUrl|mockOrigin)\}\}\//u);
        expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(request.method);
      }
    }
    const text = JSON.stringify(collection);
    expect(text).not.toContain('mock-api-key');
    expect(text).not.toMatch(/eyJ[\w-]+\./u);
  }, 60_000);
});
