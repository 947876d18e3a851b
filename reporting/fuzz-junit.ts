// The fuzz run's testsuite in reports/junit.xml (junit-report-builder): one testcase per property, named by the
// property, with its entry, operation, seed, runs, path and curl as properties. A junit.xml left by a conformance
// run keeps its suites: the fuzz suite is added, or replaces the one an earlier fuzz run wrote, and the
// <testsuites> totals are recomputed; without one, a file with only the fuzz suite is written.

import { existsSync, readFileSync } from 'node:fs';
import type JunitReportBuilder from 'junit-report-builder';
import { requireCommonJs } from '../lib/common-js.ts';
import type { FuzzReport } from './fuzz-report.ts';

const builder = requireCommonJs<typeof JunitReportBuilder>('junit-report-builder');

export const FUZZ_SUITE = 'uqpay-fuzz';

export function fuzzSuiteXml(report: FuzzReport): string {
  const junit = builder.newBuilder();
  const suite = junit
    .testSuite()
    .name(FUZZ_SUITE)
    .timestamp(report.run.started_at)
    .property('target', report.run.target)
    .property('base_url_host', report.run.base_url_host)
    .property('seed', String(report.run.seed))
    .property('cases_per_second', String(report.cases_per_second));
  for (const p of report.properties) {
    const testCase = suite
      .testCase()
      .className(`fuzz.${p.kind}`)
      .name(p.name)
      .time(p.duration_ms / 1000)
      .property('entry', p.entry ?? '')
      .property('operation', p.operation)
      .property('seed', String(p.seed))
      .property('runs', String(p.runs));
    const detail = [
      p.reason,
      p.counterexample && `counterexample: ${p.counterexample}`,
      p.path && `path: ${p.path}`,
      p.curl,
    ]
      .filter(Boolean)
      .join('\n');
    if (p.outcome === 'fail') testCase.failure(p.reason ?? 'falsified', 'PropertyFalsified').standardOutput(detail);
    if (p.outcome === 'error') testCase.error(p.reason ?? 'environment', 'EnvironmentError').standardOutput(detail);
    if (p.outcome === 'skip') testCase.skipped().standardOutput(p.reason ?? '');
  }
  return junit.build();
}

const SUITE = /<testsuite\b[^>]*?(?:\/>|>[\s\S]*?<\/testsuite>)/gu;

/** junit.xml text with the fuzz suite added to (or replacing the fuzz suite in) `existing`. */
export function mergeFuzzSuite(existing: string | null, report: FuzzReport): string {
  const fresh = fuzzSuiteXml(report);
  if (existing === null || !/<testsuites\b/u.test(existing)) return fresh;
  const fuzzSuite = fresh.match(SUITE)?.[0] ?? '';
  const kept = (existing.match(SUITE) ?? []).filter((s) => attribute(s, 'name') !== FUZZ_SUITE);
  const suites = [...kept, fuzzSuite];
  const total = (name: string) => suites.reduce((sum, s) => sum + Number(attribute(s, name) ?? 0), 0);
  const head = existing.slice(0, existing.indexOf('<testsuites'));
  const opening = `<testsuites tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="${total('time').toFixed(3)}">`;
  return `${head}${opening}\n${suites.map((s) => `  ${s}`).join('\n')}\n</testsuites>\n`;
}

export function readJunit(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function attribute(tag: string, name: string): string | undefined {
  const opening = tag.slice(0, tag.indexOf('>') + 1);
  return new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(opening)?.[1];
}
