// Writes what npm run fuzz reports: fuzz.json, and its own testsuite added to (or replacing one in) junit.xml.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeFuzzSuite, readJunit } from './fuzz-junit.ts';
import type { FuzzReport } from './fuzz-report.ts';

/** Writes fuzz.json and adds the fuzz suite to junit.xml; returns the file names. */
export function writeFuzzReports(outputDir: string, report: FuzzReport): string[] {
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, 'fuzz.json'), `${JSON.stringify(report, null, 2)}\n`);
  const junitPath = join(outputDir, 'junit.xml');
  writeFileSync(junitPath, mergeFuzzSuite(readJunit(junitPath), report));
  return ['fuzz.json', 'junit.xml'];
}
