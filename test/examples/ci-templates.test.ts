// The CI templates under examples/ are complete files people copy: each must parse as YAML, and every npm script
// and CLI flag it names must exist, so a renamed option cannot leave a template silently broken.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../cli/conformance-args.ts';
import { FUZZ_HELP } from '../../cli/fuzz-args.ts';
import { GATE_HELP } from '../../cli/gate-args.ts';
import { MERGE_HELP } from '../../cli/merge-reports-args.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
const HELP_OF: Record<string, string> = {
  conformance: HELP,
  fuzz: FUZZ_HELP,
  gate: GATE_HELP,
  'merge-reports': MERGE_HELP,
};

const templates = ['examples/github-actions', 'examples']
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .filter((file) => file.endsWith('.yml'));

/** Every shell text a template runs: GitHub steps' run, GitLab jobs' script, before_script and after_script. */
function shellTexts(doc: Record<string, unknown>): string[] {
  const texts: string[] = [];
  const visit = (node: unknown, key: string) => {
    if (typeof node === 'string' && ['run', 'script', 'before_script', 'after_script'].includes(key)) texts.push(node);
    else if (Array.isArray(node)) for (const item of node) visit(item, key);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) visit(v, Array.isArray(node) ? key : k);
  };
  visit(doc, '');
  return texts;
}

/** "npm run <script> -- --flag value …" → [script, flags]. */
function npmRuns(text: string): [string, string[]][] {
  const commands = text.replace(/\\\n/gu, ' ').split(/&&|\|\||;|\n|\|/u);
  return commands.flatMap((command) => {
    const match = /npm run ([\w:-]+)(?:\s+--\s+(.*))?/u.exec(command);
    if (!match?.[1]) return [];
    const flags = (match[2] ?? '').split(/\s+/u).filter((t) => /^--[a-z]/u.test(t));
    return [[match[1], flags] as [string, string[]]];
  });
}

describe.each(templates)('%s', (file) => {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const runs = shellTexts(doc).flatMap(npmRuns);

  it('parses and runs the conformance suite', () => {
    expect(doc).toBeTypeOf('object');
    expect(runs.map(([script]) => script)).toContain('conformance');
  });

  it('names only npm scripts that exist, with flags their --help documents', () => {
    for (const [script, flags] of runs) {
      expect(scripts, `npm run ${script}`).toHaveProperty([script]);
      const help = HELP_OF[script];
      if (flags.length) expect(help, `flags of npm run ${script}`).toBeDefined();
      for (const flag of flags)
        expect(help, `${file}: npm run ${script} -- ${flag}`).toMatch(new RegExp(`(^|\\s)${flag}(\\s|$)`, 'mu'));
    }
  });

  it('writes the Markdown summary (verdict, coverage, clusters) with --summary-md', () => {
    expect(runs.some(([, flags]) => flags.includes('--summary-md'))).toBe(true);
  });

  it('publishes JUnit and guards the target kind', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/--expect-target (mock|sandbox)/u);
    if (file.includes('github')) expect(text).toMatch(/dorny\/test-reporter@v\d|mikepenz\/action-junit-report@v\d/u);
    else expect(JSON.stringify(doc)).toContain('"reports":{"junit"');
  });
});

describe('the nightly templates', () => {
  it.each(['examples/github-actions/nightly-sandbox.yml', 'examples/gitlab-ci.yml'])(
    '%s shards with distinct credentials, merges, carries the history and compares',
    (file) => {
      const text = readFileSync(file, 'utf8');
      const runs = shellTexts(parse(text)).flatMap(npmRuns);
      const flagsOf = (script: string) => runs.filter(([s]) => s === script).flatMap(([, flags]) => flags);
      expect(flagsOf('conformance')).toEqual(expect.arrayContaining(['--shard', '--expect-target', '--env']));
      expect(flagsOf('merge-reports')).toContain('--history');
      expect(flagsOf('gate')).toEqual(expect.arrayContaining(['--baseline', '--current']));
      expect(runs.map(([s]) => s)).toContain('compare');
      expect(text).toMatch(/UQPAY_CLIENT_ID_\$?\{?/u);
      expect(text).toContain('UQPAY_MAX_RPS');
    },
  );
});

describe('the fuzz run in the templates', () => {
  const runsOf = (file: string) => shellTexts(parse(readFileSync(file, 'utf8'))).flatMap(npmRuns);
  const fuzzFlags = (file: string) => runsOf(file).filter(([s]) => s === 'fuzz');

  it.each(['examples/github-actions/nightly-sandbox.yml', 'examples/gitlab-ci.yml'])(
    '%s fuzzes the sandbox with a small run count, guarded, and keeps fuzz.json for the next night',
    (file) => {
      const text = readFileSync(file, 'utf8');
      const sandbox = fuzzFlags(file).filter(([, flags]) => flags.join(' ').includes('--env'));
      expect(sandbox.length).toBe(1);
      expect(sandbox[0]?.[1]).toEqual(expect.arrayContaining(['--expect-target', '--env', '--reports']));
      expect(text).toMatch(/--expect-target sandbox --env \.env\.nightly --reports reports\/fuzz/u);
      const runs = /UQPAY_FUZZ_RUNS: "(\d+)"/u.exec(text)?.[1];
      expect(Number(runs)).toBeGreaterThan(0);
      expect(Number(runs)).toBeLessThanOrEqual(10);
      expect(text).toMatch(/cp reports\/fuzz\/fuzz\.json \.nightly-fuzz/u);
      expect(text).toMatch(/cp \.nightly-fuzz\/fuzz\.json reports\/fuzz/u);
    },
  );

  it.each(['examples/github-actions/pr-gate.yml', 'examples/gitlab-ci.yml'])(
    '%s gates on the fuzz run against the built-in mock',
    (file) => {
      expect(readFileSync(file, 'utf8')).toContain('npm run fuzz -- --expect-target mock');
    },
  );
});
