// Prints "N passed, N failed[, N skipped]" from vitest's JSON report. A failing npm test that left no failing
// test behind (typecheck or lint stopped it, or vitest crashed) counts as one failure, so red never reads as green.
import { existsSync, readFileSync } from 'node:fs';

const [report, statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
let passed = 0;
let failed = 0;
let skipped = 0;
if (report && existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (status !== 0 && failed === 0) failed = 1;
} else if (status !== 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
