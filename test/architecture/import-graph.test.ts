// The import graph of the project's own TypeScript: no import cycles anywhere, and the mock stays a target beside the
// generators, never a library: only what starts it (CLIs, the benchmark, tests, the suite's preflight) imports mock/.
// A small reader of relative import specifiers is enough here (the project has no path aliases or barrels).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', '.git', 'reports', 'fixtures']);
/**
 * Files that may import mock/: they start a mock (the CLIs, the benchmark, the project's own tests, and the preflight
 * of the conformance project's global setup, which starts the built-in mock when no target is configured, and the
 * fuzz kill rate, which builds mock variants and starts one per variant).
 */
const MAY_IMPORT_MOCK = [
  'cli/',
  'bench/',
  'test/',
  'mock/',
  'suites/preflight.ts',
  'fuzz/kill-rate.ts',
  'fuzz/kill-variants.ts',
];

function sourceFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = dir ? `${dir}/${d.name}` : d.name;
    if (d.isDirectory()) return SKIP.has(d.name) || d.name.startsWith('.') ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static, re-exports, dynamic), as project paths. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+\.ts)'/gu)].map((m) => m[1] ?? '');
  return specifiers.map((s) => normalize(join(dirname(file), s)));
}

/** Every cycle's files, one list per strongly connected component of more than one file (or a self-import). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlink.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlink.set(node, Math.min(lowlink.get(node) ?? 0, lowlink.get(next) ?? 0));
      } else if (onStack.has(next)) lowlink.set(node, Math.min(lowlink.get(node) ?? 0, indices.get(next) ?? 0));
    }
    if (lowlink.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), 'utf8'))]));

describe('the import graph', () => {
  it('reads the project (a sanity check of the reader)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('mock/server.ts')).toContain('mock/http/pipeline.ts');
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const looped = new Map(graph);
    looped.set('contract/request.ts', [...(graph.get('contract/request.ts') ?? []), 'generators/types.ts']);
    expect(cyclesOf(looped)).toContainEqual(expect.arrayContaining(['contract/request.ts', 'generators/types.ts']));
  });

  it('keeps mock/ to itself: only what starts a mock imports it', () => {
    const forbidden = [...graph].flatMap(([file, imports]) =>
      MAY_IMPORT_MOCK.some((p) => file.startsWith(p))
        ? []
        : imports.filter((i) => i.startsWith('mock/')).map((i) => `${file} -> ${i}`),
    );
    expect(forbidden).toEqual([]);
  });

  it('keeps the contract neutral: contract/ imports only the catalog and itself', () => {
    const outside = [...graph]
      .filter(([file]) => file.startsWith('contract/'))
      .flatMap(([file, imports]) =>
        imports.filter((i) => !i.startsWith('contract/') && !i.startsWith('catalog/')).map((i) => `${file} -> ${i}`),
      );
    expect(outside).toEqual([]);
  });
});
