// reports/junit.xml through junit-report-builder, shaped for every CI viewer and valid against Jenkins' junit-10.xsd:
// one testsuite per catalog section (with time, timestamp, run facts as properties and the suite file), one
// testcase per scenario named "<operation> › <entry id>[ › <fault>]" with classname "<section>.<operation id>".
// Contract failures are <failure>, environment failures <error>, both with the full evidence as text; skips are
// <skipped message="reason (unlocked by SETTING)"> with the same words as text (GitLab shows only the text).

import type JunitReportBuilder from 'junit-report-builder';
import type { Catalog } from '../catalog/load.ts';
import { requireCommonJs } from '../lib/common-js.ts';
import { attemptLines, caseEvidence, type ReportedCase } from './case-text.ts';
import { afterBuild, cdataSafe } from './junit-builder-gaps.ts';
import type { RunResults } from './results.ts';
import { skipMessage, unlockingSetting } from './skip-groups.ts';

/** The vitest file that holds every conformance case (annotations of mikepenz/action-junit-report point here). */
export const SUITE_FILE = 'suites/conformance.test.ts';
const SECTIONS = ['general', 'card', 'cardholder', 'balance', 'transaction'];
const builder = requireCommonJs<typeof JunitReportBuilder>('junit-report-builder');

export function junitXml(results: RunResults, catalog: Catalog): string {
  const report = builder.newBuilder().name('uqpay-conformance');
  const bySection = new Map<string, ReportedCase[]>();
  for (const c of results.cases) {
    const section = catalog.entryById.get(c.entry)?.section ?? 'unknown';
    bySection.set(section, [...(bySection.get(section) ?? []), c]);
  }
  const order = [
    ...SECTIONS.filter((s) => bySection.has(s)),
    ...[...bySection.keys()].filter((s) => !SECTIONS.includes(s)),
  ];
  // At least one suite, even for a run without cases: the root's attributes are set from the first suite's build.
  for (const [index, section] of (order.length ? order : ['none']).entries()) {
    const cases = bySection.get(section) ?? [];
    const suite = report
      .testSuite()
      .name(`uqpay-conformance.${section}`)
      .timestamp(results.run.started_at)
      .time(seconds(cases.reduce((sum, c) => sum + c.duration_ms, 0)))
      .property('target', results.run.target)
      .property('base_url_host', results.run.base_url_host)
      .property('seed', String(results.run.seed))
      .property('catalog_sha256', results.run.catalog_sha256);
    afterBuild(suite, (element, root) => {
      element.att('file', SUITE_FILE);
      if (index > 0 || !root) return;
      // junit-10.xsd allows no "skipped" on <testsuites>; dorny/test-reporter needs "time" there.
      root.removeAttribute('skipped');
      root.att('time', seconds(results.run.duration_ms));
    });
    for (const c of cases) addCase(suite, c, catalog, results.run.seed);
  }
  return report.build();
}

function addCase(
  suite: ReturnType<ReturnType<typeof builder.newBuilder>['testSuite']>,
  c: ReportedCase,
  catalog: Catalog,
  seed: number,
) {
  const section = catalog.entryById.get(c.entry)?.section ?? 'unknown';
  const testCase = suite
    .testCase()
    .className(`${section}.${operationId(catalog, c.operation)}`)
    .name(c.title)
    .time(seconds(c.duration_ms));
  // A case that ran again after an environment failure says so, whatever its outcome (flaky when it passed).
  if (c.earlier_attempts?.length && c.outcome !== 'fail' && c.outcome !== 'error')
    testCase.standardOutput(cdataSafe(attemptLines(c).join('\n')));
  if (c.outcome === 'fail')
    testCase.failure(firstLine(c.reason), 'ContractFailure').stacktrace(cdataSafe(caseEvidence(c, catalog, seed)));
  if (c.outcome === 'error')
    testCase.error(firstLine(c.reason), 'EnvironmentError', cdataSafe(caseEvidence(c, catalog, seed)));
  if (c.outcome === 'skip') skippedWith(testCase, skipMessage(c), `${c.reason}\nunlocked by: ${unlockingSetting(c)}`);
  // Neither a pass nor a failure: JUnit's <skipped>, saying what it is.
  if (c.outcome === 'not_applicable') {
    const text = `not applicable on this target: ${c.reason}`;
    skippedWith(testCase, text, text);
  }
  if (c.outcome === 'deviation' && c.deviation) {
    const text = `known deviation until ${c.deviation.expires}: ${c.deviation.reason}`;
    skippedWith(testCase, text, `${text}\n${c.reason}`);
  }
}

function skippedWith(
  testCase: ReturnType<ReturnType<ReturnType<typeof builder.newBuilder>['testSuite']>['testCase']>,
  message: string,
  text: string,
): void {
  testCase.skipped();
  afterBuild(testCase, (element) => {
    const skipped = element.children.find((child) => child.name === 'skipped');
    skipped?.att('message', message);
    skipped?.txt(text);
  });
}

/** The operation's stable snake_case id (classnames must not carry spaces for the viewers that split on dots). */
function operationId(catalog: Catalog, name: string): string {
  return catalog.operations.find((o) => o.name === name)?.id ?? name.toLowerCase().replace(/[^a-z0-9]+/gu, '_');
}

/** Seconds with millisecond precision: the SUREFIRE_TIME form (digits, a dot, digits). */
function seconds(ms: number): number {
  return Number((Math.max(0, ms) / 1000).toFixed(3));
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
