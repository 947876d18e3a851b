// Where two runs' results.json differ, per case and per operation: the outcome and status of each case, its error
// body and the catalog entry that body matches (the precedence the target showed), and per operation the shape of
// its success bodies (field present or absent, its types, null) and the kinds of error it answered. Used by
// npm run compare to keep the mock honest against the sandbox.

import type { Catalog } from '../catalog/load.ts';
import type { Observed } from '../contract/request.ts';
import { matchCatalog } from '../harness/judge.ts';
import type { OperationShapes } from '../harness/shapes.ts';
import type { RunResults } from './results.ts';

export interface Difference {
  scope: 'case' | 'operation';
  /** The case title or the operation name. */
  name: string;
  what: 'missing' | 'outcome' | 'status' | 'error body' | 'precedence' | 'success shape' | 'error kinds';
  detail: string;
}

type Case = RunResults['cases'][number];

export function diffResults(catalog: Catalog, a: RunResults, b: RunResults): Difference[] {
  return [...diffCases(catalog, a, b), ...diffOperations(a.shapes ?? {}, b.shapes ?? {})];
}

function diffCases(catalog: Catalog, a: RunResults, b: RunResults): Difference[] {
  const differences: Difference[] = [];
  const inB = new Map(b.cases.map((c) => [c.title, c]));
  const titles = new Set([...a.cases.map((c) => c.title), ...inB.keys()]);
  const inA = new Map(a.cases.map((c) => [c.title, c]));
  for (const title of [...titles].sort()) {
    const x = inA.get(title);
    const y = inB.get(title);
    const add = (what: Difference['what'], detail: string) =>
      differences.push({ scope: 'case', name: title, what, detail });
    if (!x || !y) {
      add('missing', `only in ${x ? 'a' : 'b'}`);
      continue;
    }
    if (x.outcome !== y.outcome) add('outcome', `a ${x.outcome}, b ${y.outcome}`);
    if (!x.observed || !y.observed) continue;
    if (x.observed.status !== y.observed.status) add('status', `a ${x.observed.status}, b ${y.observed.status}`);
    const [ex, ey] = [matchedEntries(catalog, x), matchedEntries(catalog, y)];
    const sameTemplate = ex.length > 0 && ex.join() === ey.join();
    const body = (c: Case) =>
      JSON.stringify({ type: c.observed?.type, code: c.observed?.code, message: c.observed?.message });
    // Two bodies of the same template entry differ only in the values filled in (ids of each run): not a difference.
    if (body(x) !== body(y) && !sameTemplate) add('error body', `a ${body(x)}, b ${body(y)}`);
    if (ex.join() !== ey.join())
      add('precedence', `a answered ${ex.join(' | ') || 'no entry'}, b ${ey.join(' | ') || 'no entry'}`);
  }
  return differences;
}

/** The catalog entries a case's observed answer matches: which documented error the target chose to answer. */
function matchedEntries(catalog: Catalog, c: Case): string[] {
  const o = c.observed;
  if (!o) return [];
  const json: Record<string, unknown> = {};
  for (const key of ['type', 'code', 'message'] as const) if (o[key] !== undefined) json[key] = o[key];
  return matchCatalog(catalog, { status: o.status, json } as Observed).map((e) => e.id);
}

function diffOperations(a: Record<string, OperationShapes>, b: Record<string, OperationShapes>): Difference[] {
  const differences: Difference[] = [];
  for (const operation of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const add = (what: Difference['what'], detail: string) =>
      differences.push({ scope: 'operation', name: operation, what, detail });
    const x = a[operation];
    const y = b[operation];
    if (!x || !y) {
      add('missing', `only in ${x ? 'a' : 'b'}`);
      continue;
    }
    if (x.success.samples > 0 && y.success.samples > 0) {
      for (const path of [...new Set([...Object.keys(x.success.fields), ...Object.keys(y.success.fields)])].sort()) {
        const [fx, fy] = [describe(x, path), describe(y, path)];
        if (fx !== fy) add('success shape', `${path}: a ${fx}, b ${fy}`);
      }
    }
    const kinds = (s: OperationShapes) => new Set(s.errors.map((e) => errorKind(e.status, e.body)));
    const [kx, ky] = [kinds(x), kinds(y)];
    for (const kind of [...kx].filter((k) => !ky.has(k)).sort()) add('error kinds', `${kind}: only in a`);
    for (const kind of [...ky].filter((k) => !kx.has(k)).sort()) add('error kinds', `${kind}: only in b`);
  }
  return differences;
}

/** How a path appears across an operation's success bodies: absent, always/sometimes present, and its types. */
function describe(shapes: OperationShapes, path: string): string {
  const field = shapes.success.fields[path];
  if (!field) return 'absent';
  const presence = field.present === shapes.success.samples ? 'always' : 'sometimes';
  return `${presence} ${field.types.join('|')}`;
}

function errorKind(status: number, body: unknown): string {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return `${status} ${b.type === undefined ? '-' : String(b.type)} ${b.code === undefined ? '-' : String(b.code)}`;
}

export function formatDifference(d: Difference): string {
  return `${d.scope} ${d.name} · ${d.what}: ${d.detail}`;
}
