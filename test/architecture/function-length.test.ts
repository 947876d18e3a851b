// No function of the project's own code runs over 60 lines (the guide's "functions short"), computed rather than
// claimed: TypeScript's own parser (the compiler's API, typescript/unstable/sync) reads every non-test .ts source
// (parse only: tsconfig.own-sources.json extends the project's tsconfig without resolving imports or loading libs),
// and every function, method, accessor, constructor, function expression and arrow function is measured from its
// first token to its last, blank lines and comments included. Test files are exempt (a `describe` body is a list).

import { fileURLToPath } from 'node:url';
import { type Node, type SourceFile, SyntaxKind } from 'typescript/unstable/ast';
import { computeLineStarts, skipTrivia } from 'typescript/unstable/ast/scanner';
import { API } from 'typescript/unstable/sync';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 60;

/**
 * Known offenders, each with why it may stay for now, as `path:name`. An entry that no longer runs long fails the
 * test too, so the list only ever shrinks.
 */
const ALLOWED: Readonly<Record<string, string>> = {};

const FUNCTION_KINDS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

interface LongFunction {
  where: string;
  lines: number;
}

/** The project's own non-test sources, as the project's tsconfig sees them (its include and exclude, tests excluded). */
function ownSources(): { file: string; source: SourceFile }[] {
  const api = new API({ cwd: ROOT });
  try {
    const config = 'test/architecture/tsconfig.own-sources.json';
    const program = api.updateSnapshot({ openProject: config }).getProjects()[0]?.program;
    if (!program) throw new Error(`${config} opened no project`);
    return program
      .getSourceFileNames()
      .filter((name) => name.startsWith(ROOT) && !name.includes('/node_modules/'))
      .map((name) => name.slice(ROOT.length))
      .filter((file) => !file.startsWith('test/') && !file.endsWith('.d.ts'))
      .map((file) => ({ file, source: program.getSourceFile(`${ROOT}${file}`) as SourceFile }));
  } finally {
    api.close();
  }
}

/** A function's name as a reader looks for it: its own, its variable's or property's, else its line. */
function nameOf(node: Node, line: number): string {
  const own = (node as { name?: { text?: string } }).name?.text;
  if (own) return own;
  if (node.kind === SyntaxKind.Constructor) return 'constructor';
  const holder = (node.parent as { name?: { text?: string } } | undefined)?.name?.text;
  return holder ?? `<anonymous at line ${line}>`;
}

function longFunctions(file: string, source: SourceFile): LongFunction[] {
  const starts = computeLineStarts(source.text);
  const lineOf = (pos: number) => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= pos) line++;
    return line + 1;
  };
  const found: LongFunction[] = [];
  const visit = (node: Node) => {
    if (FUNCTION_KINDS.has(node.kind)) {
      const first = lineOf(skipTrivia(source.text, node.pos));
      const lines = lineOf(node.end) - first + 1;
      if (lines > MAX_LINES) found.push({ where: `${file}:${nameOf(node, first)}`, lines });
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return found;
}

describe('function length', () => {
  const sources = ownSources();
  const long = sources.flatMap(({ file, source }) => longFunctions(file, source));

  it('reads the project: every folder of its own code', () => {
    const folders = new Set(sources.map(({ file }) => file.split('/')[0]));
    for (const folder of ['catalog', 'cli', 'fuzz', 'generators', 'harness', 'mock', 'reporting', 'suites'])
      expect(folders).toContain(folder);
  });

  it(`finds no function over ${MAX_LINES} lines outside the allowlist`, () => {
    const offenders = long.filter((f) => !(f.where in ALLOWED)).map((f) => `${f.where} (${f.lines} lines)`);
    expect(offenders).toEqual([]);
  });

  it('lists in the allowlist only functions that are still long', () => {
    const stale = Object.keys(ALLOWED).filter((where) => !long.some((f) => f.where === where));
    expect(stale).toEqual([]);
  });
});
