// Proof that the closed identifiers of catalog/ids.ts make mistakes compile errors: a misspelt entry id in a mock
// rule or a scenario, a misspelt entry id, error code or operation in the package's API (package/index.ts), and a
// registry that lost one operation (handlers, valid-request builders, fuzz templates).
// One tsc run compiles the fixture files in fixtures/ and copies of the real registries with one line removed.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/typecheck/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'closed-ids-'));

/** A copy of a project file without the one line that contains `line`, its relative imports made absolute. */
function withoutLine(file: string, line: string): string {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const lines = source.split('\n');
  const kept = lines.filter((l) => !l.includes(line));
  expect(lines.length - kept.length, `${file} has exactly one line with ${line}`).toBe(1);
  const folder = join(ROOT, file, '..');
  const absolute = kept
    .join('\n')
    .replace(/from '(\.{1,2}\/[^']+)'/gu, (_, path: string) => `from '${join(folder, path)}'`);
  const copy = join(dir, file.replaceAll('/', '__'));
  writeFileSync(copy, absolute);
  return copy;
}

const files = {
  knownEntry: join(FIXTURES, 'rule-with-known-entry.ts'),
  misspeltRule: join(FIXTURES, 'rule-with-misspelt-entry.ts'),
  misspeltScenario: join(FIXTURES, 'scenario-with-misspelt-ids.ts'),
  packageKnown: join(FIXTURES, 'package-with-known-ids.ts'),
  packageMisspelt: join(FIXTURES, 'package-with-misspelt-ids.ts'),
  noHandler: withoutLine('mock/ops/registry.ts', '  create_card: createCard,'),
  noBuilder: withoutLine('generators/valid-requests.ts', "  'List Cards': async () => ({ operation: 'List Cards' }),"),
  noTemplate: withoutLine('test/__helpers__/fuzz-requests.ts', '    list_cards: noBody,'),
};

let output = '';

beforeAll(() => {
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')] },
      files: Object.values(files),
      include: [],
    }),
  );
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tsc errors reported in one file. */
const errorsIn = (file: string) =>
  output
    .split('\n')
    .filter((line) => line.includes(`${basename(file)}(`))
    .join('\n');

describe('closed identifiers fail typecheck', () => {
  it('accepts a rule that names a catalog entry (the control)', () => {
    expect(errorsIn(files.knownEntry)).toBe('');
  });

  it('rejects a misspelt entry id in a mock rule', () => {
    expect(errorsIn(files.misspeltRule)).toMatch(/error TS2345: Argument of type '"card\.card_not_fund"'/u);
  });

  it('rejects a misspelt entry id and operation name in a scenario', () => {
    const errors = errorsIn(files.misspeltScenario);
    expect(errors).toMatch(/'"card\.card_not_fund"' is not assignable/u);
    expect(errors).toMatch(/'"Retrieve Crad"' is not assignable/u);
  });

  it("accepts the package's catalog and classify() with real ids, codes and operations (the control)", () => {
    expect(errorsIn(files.packageKnown)).toBe('');
  });

  it("rejects a misspelt EntryId, ErrorCode and operation name in the package's API", () => {
    const errors = errorsIn(files.packageMisspelt);
    expect(errors).toMatch(/'"card\.card_not_fund"' is not assignable/u);
    expect(errors).toMatch(/'"card_not_fund"' is not assignable/u);
    expect(errors).toMatch(/'"card\.b\.card_does_not_exist"' is not assignable/u);
    expect(errors).toMatch(/'"Retrieve Crad"' is not assignable/u);
  });

  it('rejects an operation handler registry without Create Card', () => {
    expect(errorsIn(files.noHandler)).toMatch(/Property 'create_card' is missing/u);
  });

  it('rejects a valid-request builder registry without List Cards', () => {
    expect(errorsIn(files.noBuilder)).toMatch(/Property '"List Cards"' is missing/u);
  });

  it('rejects fuzz body templates without list_cards', () => {
    expect(errorsIn(files.noTemplate)).toMatch(/Property 'list_cards' is missing/u);
  });
});
