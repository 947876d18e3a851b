// The operations cell of a row ("Create Card · Card Recharge", or "任何接收 {card_id} 的 endpoint"), read with the
// operation names the page's own section headings list. Cells are concatenated without separators, so the cell is
// found where a known name begins right after the message's last character.

import { PageParseError } from './page-error.ts';

const ANY_TAKING = /^任何接收 \{(\w+)\} 的 endpoint/u;

export function operationsStart(rest: string, names: string[]): number {
  // Cells are concatenated, so the operations cell starts right after the message's last non-space character.
  for (let i = 1; i < rest.length; i++) {
    if (rest[i - 1] === ' ') continue;
    if (readOperationsCellOrNull(rest.slice(i), names) !== null) return i;
  }
  return -1;
}

export function readOperationsCell(after: string, names: string[], at: string): string {
  const cell = readOperationsCellOrNull(after, names);
  if (cell === null) throw new PageParseError(`${at}: no operations cell in: ${after.slice(0, 60)}`);
  return cell;
}

/** Reads "Name · Name · …" from the start of text, taking the longest known name each time. */
function readOperationsCellOrNull(text: string, names: string[]): string | null {
  let consumed = 0;
  for (;;) {
    const tail = text.slice(consumed);
    const name = tail.match(ANY_TAKING)?.[0] ?? names.find((n) => tail.startsWith(n));
    if (!name) return consumed === 0 ? null : text.slice(0, consumed - ' · '.length);
    consumed += name.length;
    if (!text.startsWith(' · ', consumed)) return text.slice(0, consumed);
    consumed += ' · '.length;
  }
}

export function splitOperations(text: string): string[] {
  return text
    .split(' · ')
    .map((name) => name.replace(/\(.*\)$/u, '').trim())
    .filter(Boolean);
}
