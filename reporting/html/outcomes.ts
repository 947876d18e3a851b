// How each outcome looks on the page, as one table: the CSS, the legend, the matrix cells and the filters are all
// generated from it, so adding an outcome (e.g. a "known deviation") is one more row here. The last two rows are
// matrix states that are not outcomes: a documented pair no case ran, and a pair the page does not document.

export interface OutcomeStyle {
  /** The outcome or cell state, used as CSS class and data attribute. */
  id: string;
  label: string;
  symbol: string;
  background: string;
  color: string;
  /** A CSS border for the matrix cell: style differs, not only colour (readable in greyscale and by the colour-blind). */
  border: string;
  /** Whether it is a case outcome (has counts and a filter box) or only a matrix state. */
  outcome: boolean;
}

export const OUTCOME_STYLES: readonly OutcomeStyle[] = [
  {
    id: 'fail',
    label: 'fail (contract broken)',
    symbol: '✗',
    background: '#ffd1d1',
    color: '#8a0000',
    border: '2px solid #c00',
    outcome: true,
  },
  {
    id: 'error',
    label: 'error (environment)',
    symbol: '!',
    background: '#ffe7b3',
    color: '#6b4600',
    border: '2px dashed #c80',
    outcome: true,
  },
  {
    id: 'skip',
    label: 'skip (needs a setting)',
    symbol: '–',
    background: '#e4e4f0',
    color: '#333366',
    border: '1px dotted #669',
    outcome: true,
  },
  {
    id: 'deviation',
    label: 'known deviation (conformance.deviations.json)',
    symbol: '≈',
    background: '#f3e3ff',
    color: '#4b1470',
    border: '2px double #93c',
    outcome: true,
  },
  {
    id: 'not_applicable',
    label: 'not applicable on this target',
    symbol: 'n/a',
    background: '#f0f0f0',
    color: '#555555',
    border: '1px dotted #999',
    outcome: true,
  },
  {
    id: 'pass',
    label: 'pass',
    symbol: '✓',
    background: '#d7f5dd',
    color: '#0b5d1e',
    border: '1px solid #9c9',
    outcome: true,
  },
  {
    id: 'not-run',
    label: 'documented, not run',
    symbol: '·',
    background: '#ffffff',
    color: '#777777',
    border: '1px dashed #aaa',
    outcome: false,
  },
  {
    id: 'not-documented',
    label: 'not documented',
    symbol: '',
    background: 'repeating-linear-gradient(45deg,#f4f4f4 0 3px,#e6e6e6 3px 6px)',
    color: '#999999',
    border: '1px solid #eee',
    outcome: false,
  },
];

export const CASE_OUTCOMES = OUTCOME_STYLES.filter((s) => s.outcome);

export function styleOf(id: string): OutcomeStyle {
  return OUTCOME_STYLES.find((s) => s.id === id) ?? (OUTCOME_STYLES.at(-1) as OutcomeStyle);
}

/** CSS classes .o-<id> for cells and badges, generated from the table. */
export function outcomeCss(): string {
  return OUTCOME_STYLES.map(
    (s) =>
      `.o-${s.id}{background:${s.background};color:${s.color}}td.o-${s.id}{border:${s.border}}` +
      `.badge.o-${s.id}{border:${s.border}}`,
  ).join('\n');
}
