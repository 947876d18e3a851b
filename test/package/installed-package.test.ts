// The package as a user gets it: npm pack of the built dist/, npm install of the tarball into an empty folder,
// then the four things it promises, used from that folder only: the library in plain Node ESM, its declarations
// under tsc, both bins, and the catalog JSON with its schemas through the package's exports. The install comes
// from the local npm cache (--prefer-offline); on a cold cache npm fetches package metadata from the registry. The
// uses are independent and run concurrently.

import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distIsFresh } from '../../build/fresh.mjs';
import { loadCatalog } from '../../catalog/load.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const NAME = 'uqpay-error-conformance';
const dir = mkdtempSync(join(tmpdir(), 'installed-package-'));
const consumer = join(dir, 'consumer');
// Nested vitest and npm must not inherit the outer run's settings; no UQPAY_* so the run takes the built-in mock.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('VITEST') && !k.startsWith('UQPAY_') && k !== 'NODE_OPTIONS',
    ),
  ),
  NO_COLOR: '1',
  UQPAY_SEED: '7',
};
// Each command is bounded: a child that outlives its test would keep writing into the folder afterAll removes.
const inConsumer = (command: string, args: string[]) =>
  run(command, args, { cwd: consumer, env, encoding: 'utf8', timeout: 55_000 });

beforeAll(async () => {
  // npm test has just built dist/ (npm run build, the `prepare` that npm pack would run): pack that build as it is,
  // and build only when it is stale (this file run on its own after an edit).
  if (!distIsFresh(ROOT)) await run(process.execPath, [join(ROOT, 'build/build.mjs')], { cwd: ROOT, timeout: 120_000 });
  const packed = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename;
  if (!tarball) throw new Error(`npm pack named no tarball: ${packed.stdout}`);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Bounded by the hook, not by the 55 s of a use: on a cold npm cache the metadata comes from the registry.
  await run('npm', ['install', join(dir, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: consumer,
    env,
    encoding: 'utf8',
    timeout: 170_000,
  });
}, 180_000);

// The consumer's node_modules is a hundred packages: removed asynchronously, with time for a busy disk.
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 3 }), 60_000);

describe.concurrent('the installed package', () => {
  it('ships the compiled project and its launchers only: no sources, tests, reports or benchmarks', async () => {
    const installed = join(consumer, 'node_modules', NAME);
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'build', 'cli', 'dist', 'package', 'package.json']);
    expect(readdirSync(join(installed, 'cli'))).toEqual(['conformance.mjs']);
    expect(readdirSync(join(installed, 'package'))).toEqual(['bin']);
    expect(readdirSync(join(installed, 'dist'))).not.toContain('test');
    expect(readdirSync(join(installed, 'dist'))).not.toContain('bench');
    expect(readdirSync(join(installed, 'dist/package'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
  });

  it('gives classify() and the catalog to a plain Node ESM script, and the catalog JSON valid under its schema', async () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      `import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { catalog, classify } from '${NAME}';
const require = createRequire(import.meta.url);
const json = require('${NAME}/catalog.json');
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema(require('${NAME}/schemas/envelope-a.schema.json'));
ajv.addSchema(require('${NAME}/schemas/envelope-b.schema.json'));
const valid = ajv.validate(require('${NAME}/catalog.schema.json'), json);
const operationsValid = ajv.validate(require('${NAME}/operations.schema.json'), require('${NAME}/operations.json'));
const answer = { status: 400, headers: { 'content-type': 'application/json' }, body: '{"type":"card_error","code":"card_not_found","message":"card not found or deactivated"}' };
const none = classify({ status: 400, body: { code: 400, message: 'not on the page' } });
console.log(JSON.stringify({ entries: catalog.entries.length, json: json.entries.length, valid, operationsValid,
  matches: classify(answer).matches.map((e) => e.id), none: none.matches.length, reason: typeof none.reason }));
`,
    );
    const { stdout } = await inConsumer(process.execPath, ['use.mjs']);
    const catalogSize = loadCatalog().entries.length;
    expect(JSON.parse(stdout)).toEqual({
      entries: catalogSize,
      json: catalogSize,
      valid: true,
      operationsValid: true,
      matches: ['card.card_not_found'],
      none: 0,
      reason: 'string',
    });
  });

  it('runs the example of the README section "Use the catalog in your own code" as written', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use the catalog in your own code'));
    const example = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
    expect(example).toBeDefined();
    writeFileSync(join(consumer, 'readme-example.mjs'), example ?? '');
    const { stdout } = await inConsumer(process.execPath, ['readme-example.mjs']);
    const entry = loadCatalog().entryById.get('card.card_not_found');
    expect(stdout.split('\n')).toEqual([
      `card.card_not_found false ${entry?.remediation.action} ${entry?.remediation.hint}`,
      `${loadCatalog().entries.length} documented errors`,
      '',
    ]);
  });

  it('type-checks a consumer against its declarations, and rejects a misspelt id, code or operation', async () => {
    writeFileSync(
      join(consumer, 'good.ts'),
      `import { catalog, classify, type Entry, type EntryId, type ErrorCode } from '${NAME}';
const id: EntryId = 'card.card_not_found';
const codes: ErrorCode[] = ['card_not_found', 429];
const result = classify({ status: 400, body: '{}' }, { operation: 'Retrieve Card' });
const retry: Entry[] = result.matches.filter((e) => e.retryable);
export const used = [id, codes, retry, catalog.entry('card.b.card_does_not_exists').remediation.action, result.reason];
`,
    );
    writeFileSync(
      join(consumer, 'bad.ts'),
      `import { classify, type EntryId, type ErrorCode } from '${NAME}';
export const id: EntryId = 'card.card_not_fund';
export const code: ErrorCode = 'card_not_fund';
export const result = classify({ status: 400, body: '{}' }, { operation: 'Retrieve Crad' });
`,
    );
    const compilerOptions = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022' };
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, noEmit: true, skipLibCheck: false, types: [] },
        files: ['good.ts', 'bad.ts'],
      }),
    );
    const output = await inConsumer(process.execPath, [TSC, '-p', 'tsconfig.json']).then(
      () => '',
      (error: { stdout?: string }) => String(error.stdout),
    );
    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((l) => !l.startsWith('bad.ts('))).toEqual([]);
    expect(output).toMatch(/'"card\.card_not_fund"' is not assignable/u);
    expect(output).toMatch(/'"card_not_fund"' is not assignable/u);
    expect(output).toMatch(/'"Retrieve Crad"' is not assignable/u);
  });

  // A whole vitest start-up inside: bounded like the child (55 s), not by the unit project's 30 s.
  it('runs the suite with npx uqpay-conformance on the built-in mock, exit 0', async () => {
    const reports = join(dir, 'reports');
    // --yes=false: never fetch a package of that name from the registry (not `--no`, which takes the next word).
    const { stdout } = await inConsumer('npx', [
      '--yes=false',
      'uqpay-conformance',
      '--only',
      'card.card_not_found',
      '--quiet',
      '--reports',
      reports,
    ]);
    expect(stdout).toMatch(/cases +\d+ total: \d+ passed, 0 failed, 0 errored/u);
    const results = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8'));
    expect(results.run.seed).toBe(7);
  }, 60_000);

  // The bin npm linked, started as npx would find it (npx itself is exercised by the uqpay-conformance test above).
  it('starts the mock with its bin (node_modules/.bin/uqpay-mock), which answers and then stops', async () => {
    const child = spawn(join(consumer, 'node_modules', '.bin', 'uqpay-mock'), ['--port', '0'], {
      cwd: consumer,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    try {
      let out = '';
      const baseUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const found = /UQPAY mock listening: (\S+)/u.exec(out);
          if (found?.[1]) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`uqpay-mock exited ${code} before listening: ${out}`)));
      });
      const answer = await fetch(`${baseUrl}/v1/issuing/cards/00000000-0000-4000-8000-000000000000`);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ type: 'unauthorized_error', code: 'unauthorized_error' });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
