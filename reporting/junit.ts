// reports/junit.xml through junit-report-builder: one testsuite per catalog section, one testcase per scenario with
// the stable name "<operation> › <entry id>[ › <fault>]". Contract failures are <failure>, environment failures
// <error>, skips <skipped> with the reason kept (as a property and in system-out, since JUnit has no skip text).

import builder from 'junit-report-builder';
import type { Catalog } from '../catalog/load.ts';
import type { RunResults } from './results.ts';

export function junitXml(results: RunResults, catalog: Catalog): string {
  const report = builder.newBuilder();
  const suites = new Map<string, ReturnType<typeof report.testSuite>>();
  const suiteFor = (section: string) => {
    let suite = suites.get(section);
    if (!suite) {
      suite = report
        .testSuite()
        .name(`uqpay-conformance.${section}`)
        .timestamp(results.run.started_at)
        .property('target', results.run.target)
        .property('base_url_host', results.run.base_url_host)
        .property('seed', String(results.run.seed))
        .property('catalog_sha256', results.run.catalog_sha256);
      suites.set(section, suite);
    }
    return suite;
  };
  for (const c of results.cases) {
    const section = catalog.entryById.get(c.entry)?.section ?? 'unknown';
    const testCase = suiteFor(section)
      .testCase()
      .className(`${section}.${c.entry}`)
      .name(c.title)
      .time(c.duration_ms / 1000)
      .property('entry', c.entry)
      .property('operation', c.operation)
      .property('fault', c.fault)
      .property('expected', JSON.stringify(c.expected))
      .property('observed', JSON.stringify(c.observed))
      .property('requests', String(c.requests));
    if (c.outcome === 'fail') testCase.failure(c.reason, 'ContractFailure');
    if (c.outcome === 'error') testCase.error(c.reason, 'EnvironmentError');
    if (c.outcome === 'skip')
      testCase.skipped().property('skip.reason', c.reason).standardOutput(`skipped: ${c.reason}`);
    // Neither a pass nor a failure: JUnit's <skipped>, with what it is in a property and in system-out.
    if (c.outcome === 'not_applicable')
      testCase
        .skipped()
        .property('skip.reason', `not applicable on this target: ${c.reason}`)
        .standardOutput(`not applicable on this target: ${c.reason}`);
    if (c.outcome === 'deviation' && c.deviation) {
      const text = `known deviation until ${c.deviation.expires}: ${c.deviation.reason} (${c.reason})`;
      testCase.skipped().property('known_deviation', text).standardOutput(text);
    }
  }
  return report.build();
}
