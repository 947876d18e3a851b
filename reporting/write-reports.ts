// The one place that turns a finished run's results into files: every writer of reports/ is called from here, so
// the conformance CLI, a merge of shards and any later command write exactly the same set of files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/load.ts';
import { driftMarkdown } from './drift-md.ts';
import type { HistoryLine } from './history.ts';
import { conformancePage } from './html/page.ts';
import { junitXml } from './junit.ts';
import type { RunResults } from './results.ts';
import { trendSection } from './trend-svg.ts';

export interface WriteOptions {
  /** Earlier runs and this one (--history), drawn as the trend in the HTML report. */
  history?: HistoryLine[];
}

/** Writes every report of a run into outputDir and returns the file names written. */
export function writeReports(
  outputDir: string,
  results: RunResults,
  catalog: Catalog,
  options: WriteOptions = {},
): string[] {
  const files: [string, string][] = [
    ['results.json', `${JSON.stringify(results, null, 2)}\n`],
    ['junit.xml', junitXml(results, catalog)],
    ['conformance.html', conformancePage(results, catalog, trendSection(options.history ?? []))],
    ['drift.md', driftMarkdown(results)],
  ];
  mkdirSync(outputDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outputDir, name), text);
  return files.map(([name]) => name);
}
