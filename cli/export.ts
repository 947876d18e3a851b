// npm run export -- --postman <file> | --openapi <file>: the scenarios as a Postman v2.1 collection (recorded against
// the built-in mock; replay it on a fresh mock with the same seed), or an OpenAPI 3.1 fragment of every operation's
// documented error responses. Exit 0 written, 2 on bad arguments.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { ConfigError } from '../harness/config.ts';
import { fail, type OptionCheck, parseCommandArgs, runAsEntry, runCommand, UsageError } from '../lib/cli.ts';
import { openApiFragment } from '../reporting/export/openapi.ts';
import { postmanCollection, replayMockCommand } from '../reporting/export/postman.ts';
import { recordSequentialRun } from './record-run.ts';
import { mockCommandSeed } from './run-options.ts';

const HELP = `Usage: npm run export -- [--postman <file>] [--openapi <file>] [--seed <n>] [--env <file>] [--filter <text>]

  --postman <file>   Postman v2.1 collection of every scenario (token pre-request; tests on status, type, code and
                     message), recorded against a fresh built-in mock on which new cards settle at once. Replay it
                     on a fresh mock with the same seed and the same timing:
                     ${replayMockCommand('<n>')}, then
                     newman run <file> --env-var baseUrl=http://127.0.0.1:4010/api
  --openapi <file>   OpenAPI 3.1 fragment: each operation's documented error responses, with examples
  --seed <n>         seed of the recorded run (default UQPAY_SEED from the environment or --env, or 1)
  --env <file>       settings file read after the environment (default .env)
  --filter <text>    only cases whose name contains <text> (Postman)
  -h, --help         show this help`;

const OPTIONS = {
  postman: { type: 'string' },
  openapi: { type: 'string' },
  seed: { type: 'string' },
  env: { type: 'string' },
  filter: { type: 'string' },
} as const;

const CHECKS = {
  seed: { valid: (v) => /^\d{1,10}$/u.test(v), problem: (v) => `--seed must be a whole number (got "${v}")` },
} satisfies Record<string, OptionCheck>;

/** npm run export with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('export', () => exportCommand(argv), [ConfigError, CatalogError]);
}

async function exportCommand(argv: string[]): Promise<number> {
  const args = parseCommandArgs({ help: HELP, options: OPTIONS, checks: CHECKS }, argv);
  const postman = args.text('postman');
  const openapi = args.text('openapi');
  if (!postman && !openapi) throw new UsageError('name an output: --postman <file> and/or --openapi <file>');
  const seed = Number(args.text('seed') ?? mockCommandSeed(args.text('env')));
  if (openapi) {
    write(openapi, openApiFragment(loadCatalog()));
    console.log(`export: OpenAPI 3.1 fragment written to ${openapi}`);
  }
  if (postman) {
    const filter = args.text('filter') ?? '';
    const run = await recordSequentialRun(seed, filter);
    if (run.failed.length) fail(`${run.failed.length} scenarios did not pass on the mock; first: ${run.failed[0]}`);
    if (!run.cases.length) fail(`no case matches --filter "${filter}"`);
    write(postman, postmanCollection(run.cases, { baseUrl: run.baseUrl, defaultClientId: run.defaultClientId, seed }));
    const requests = run.cases.reduce((n, c) => n + c.requests.length, 0);
    console.log(
      `export: Postman collection of ${run.cases.length} cases (${requests} requests, seed ${seed}) written to ${postman}`,
    );
    console.log(`export: replay it on ${replayMockCommand(seed)}`);
  }
  return 0;
}

function write(file: string, doc: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}

await runAsEntry(import.meta.url, main);
