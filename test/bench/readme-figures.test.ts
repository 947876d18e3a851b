// Every measured figure the READMEs quote comes from a line of bench/results.jsonl (which names its command, date and
// load): the README's Performance section and bench/README.md. A figure is a number written with a decimal point or
// a thousands separator, followed by a unit of time or rate, or after "ratio" (goals and settings such as "<= 3 s",
// "60 s" or "8 requests/s" are whole numbers, not measurements). It is found when some number in some line, rounded
// to the decimals the README shows, equals it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lines = readFileSync('bench/results.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown>);

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}
const recorded = lines.flatMap(numbersIn);

const FIGURE =
  /(?<![\w.,≤≥<>])(?<![≤≥<>] )(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+) ?(?:s|ms|requests\/s|cases\/s|error responses\/s)(?![\w/])|ratio\w*`? (\d+\.\d+)/gu;

function figuresIn(text: string): string[] {
  return [...text.matchAll(FIGURE)].map((m) => (m[1] ?? m[2]) as string);
}

function isRecorded(figure: string): boolean {
  const value = Number(figure.replaceAll(',', ''));
  const decimals = figure.split('.')[1]?.length ?? 0;
  return recorded.some((n) => Math.abs(Number(n.toFixed(decimals)) - value) < 1e-9);
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  const end = text.indexOf('\n## ', start + heading.length + 2);
  return start < 0 ? '' : text.slice(start, end < 0 ? undefined : end);
}

describe('figures quoted in the READMEs', () => {
  it('every results.jsonl line names its command, its date and the load', () => {
    for (const line of lines) {
      expect(line.command, JSON.stringify(line).slice(0, 120)).toMatch(/^npm (run \S+|test)/u);
      expect(Number.isNaN(Date.parse(String(line.date)))).toBe(false);
      expect(line.load_before === undefined || typeof line.load_before === 'number').toBe(true);
    }
  });

  it('finds figures the way the READMEs write them', () => {
    expect(figuresIn('wall 58.9 s, 10,078 requests/s, `ratio_newman` 2.9, goal ≤ 3 s, 60 s, 8 requests/s')).toEqual([
      '58.9',
      '10,078',
      '2.9',
    ]);
  });

  for (const [file, heading] of [
    ['README.md', '## Performance'],
    ['bench/README.md', null],
  ] as const) {
    it(`${file}${heading ? ` (${heading})` : ''}: each figure is in bench/results.jsonl`, () => {
      const text = readFileSync(file, 'utf8');
      const quoted = figuresIn(heading ? section(text, heading) : text);
      expect(quoted.length).toBeGreaterThan(0);
      expect(quoted.filter((figure) => !isRecorded(figure))).toEqual([]);
    });
  }
});
