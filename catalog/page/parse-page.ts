// Reads the vendored error reference page into structured rows, so tests can prove the catalog matches it.
//
// The page is HTML flattened to text: table cells are concatenated with no separator. Most boundaries can be
// found from the page's own vocabulary (the operation names in each section heading, the type names in the
// types table, the CJK "what to do" column). One cannot: where an envelope-A code runs straight into its
// message ("card_not_foundcard not found…"). For that boundary the parser takes the candidate codes as input
// and uses the longest one that prefixes the row; the code must still look like a code, and everything after
// it is read from the page alone.

import type { Envelope, ErrorType, MessageKind, Section } from '../types.ts';
import { operationsStart, readOperationsCell, splitOperations } from './operations-cell.ts';
import { PageParseError } from './page-error.ts';

export interface PageRow {
  line: number;
  section: Section;
  envelope: Envelope;
  type: ErrorType | null;
  code: string | number;
  status: number;
  message: string | null;
  message_kind: MessageKind;
  page_note: string | null;
  missing_fields: boolean;
  operations_text: string | null;
  /** Operation names as listed; `{param}` placeholders are left unexpanded as `{card_id}` etc. */
  operations: string[] | '*';
}

export interface ParsedPage {
  statusByType: Map<string, number>;
  /** For types with more than one status (unauthorized_error), the status each code gets. */
  statusByCode: Map<string, number>;
  operationNames: string[];
  rows: PageRow[];
}

const SECTION_TITLES: Record<string, Section> = {
  通用错误: 'general',
  卡片错误: 'card',
  持卡人错误: 'cardholder',
  余额错误: 'balance',
  交易错误: 'transaction',
};
const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;
const ABSENT_MARK = 'code 字符串即 message';
const VARIABLE_MARK = '(视场景而定';
const MISSING_FIELDS_NOTE = /\s*\(response includes missing_fields\)$/u;
const CODE_SHAPE = /^[a-z][a-z0-9_]*[a-z0-9]$/u;

export { PageParseError };

export function parsePage(text: string, candidateCodes: readonly string[]): ParsedPage {
  const lines = text.split('\n');
  const { statusByType, statusByCode } = readTypeTable(lines);
  const vocab: Vocabulary = {
    types: longestFirst(statusByType.keys()),
    codes: longestFirst(candidateCodes),
    operations: longestFirst(readOperationHeadings(lines)),
  };
  const rows: PageRow[] = [];

  let section: Section | null = null;
  let envelope: Envelope | null = null;
  let sectionType: ErrorType | null = null;
  let typeOverrides = new Map<string, ErrorType>();
  let columns: { type: boolean; operations: boolean } | null = null;

  lines.forEach((raw, index) => {
    const line = raw.trim();
    const title = SECTION_TITLES[line];
    if (title) {
      section = title;
      envelope = null;
      sectionType = null;
      typeOverrides = new Map();
      columns = null;
      return;
    }
    if (!section) return;
    const envelopeMark = line.match(/信封 ([AB])(?!.*信封 [AB])/u);
    if (envelopeMark) {
      envelope = envelopeMark[1] as Envelope;
      const declared = line.match(/type:([a-z_]+)/u);
      if (declared) sectionType = declared[1] as ErrorType;
      typeOverrides = readTypeOverrides(line, vocab);
      columns = null;
      return;
    }
    if (line.startsWith('code') && line.endsWith('What to do')) {
      columns = { type: line.startsWith('codetype'), operations: line.includes('Typical endpoints') };
      return;
    }
    if (line === '') columns = null; // a table ends at the first blank line
    if (!columns || !envelope) return;
    const at = `line ${index + 1}`;
    const row =
      envelope === 'B'
        ? readRowB(line, columns.operations, vocab, at)
        : readRowA(line, columns, vocab, sectionType, typeOverrides, at);
    const status =
      envelope === 'B'
        ? (row.code as number)
        : (statusByCode.get(row.code as string) ?? statusByType.get(row.type ?? '') ?? Number.NaN);
    rows.push({ ...row, line: index + 1, section, envelope, status });
  });
  return { statusByType, statusByCode, operationNames: vocab.operations, rows };
}

interface Vocabulary {
  types: string[];
  codes: string[];
  operations: string[];
}

function longestFirst(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Each resource section's title is followed by a blank line and the " · " list of its operations. */
function readOperationHeadings(lines: string[]): string[] {
  return lines.flatMap((line, index) => {
    const section = SECTION_TITLES[line.trim()];
    return section && section !== 'general' ? splitOperations(lines[index + 2]?.trim() ?? '') : [];
  });
}

function readTypeTable(lines: string[]) {
  const statusByType = new Map<string, number>();
  const statusByCode = new Map<string, number>();
  const start = lines.findIndex((l) => l.trim() === 'typeHTTP出现场景');
  if (start < 0) throw new PageParseError('the page has no error-type table (typeHTTP出现场景)');
  for (const raw of lines.slice(start + 1)) {
    const m = raw.trim().match(/^([a-z_]+?)(\d{3})(?: \/ (\d{3}))?(.*)$/u);
    if (!m) break;
    const [, type = '', first = '', second, rest = ''] = m;
    statusByType.set(type, Number(first));
    if (second) {
      for (const [, status, code] of rest.matchAll(/(\d{3}) 时 ?(?:code)? ?(?:为)? ?([a-z_]+)/gu)) {
        statusByCode.set(code ?? '', Number(status));
      }
    }
  }
  return { statusByType, statusByCode };
}

// "以及创建卡片时可能出现的 account_error(product_not_found、account_balance_error)": the codes named after a
// second type in the envelope line take that type instead of the section's.
function readTypeOverrides(line: string, { types, codes }: Vocabulary) {
  const overrides = new Map<string, ErrorType>();
  const tail = line.split('以及')[1];
  if (!tail) return overrides;
  const type = types.find((t) => tail.includes(t));
  if (!type) return overrides;
  const named = tail.slice(tail.indexOf(type) + type.length);
  for (const code of codes) if (named.includes(code)) overrides.set(code, type as ErrorType);
  return overrides;
}

function readRowA(
  line: string,
  columns: { type: boolean; operations: boolean },
  vocab: Vocabulary,
  sectionType: ErrorType | null,
  overrides: Map<string, ErrorType>,
  at: string,
) {
  let code: string;
  let rest: string;
  const absentAt = line.indexOf(ABSENT_MARK);
  if (absentAt > 0) {
    code = line.slice(0, absentAt);
    rest = line.slice(absentAt);
  } else {
    const known = vocab.codes.find((c) => line.startsWith(c));
    if (!known) throw new PageParseError(`${at}: no catalog code prefixes this row: ${line.slice(0, 60)}`);
    if (!CODE_SHAPE.test(known)) throw new PageParseError(`${at}: "${known}" does not look like a code`);
    code = known;
    rest = line.slice(known.length);
  }
  let type: ErrorType | null = overrides.get(code) ?? sectionType;
  if (columns.type) {
    const found = vocab.types.find((t) => rest.startsWith(t));
    if (!found) throw new PageParseError(`${at}: no known type follows code ${code}`);
    type = found as ErrorType;
    rest = rest.slice(found.length);
  }
  return { code, type, ...readMessageAndOperations(rest, columns.operations, vocab, at) };
}

function readRowB(line: string, hasOperations: boolean, vocab: Vocabulary, at: string) {
  const m = line.match(/^(\d{3})(.*)$/u);
  if (!m) throw new PageParseError(`${at}: envelope B row without a numeric code: ${line.slice(0, 60)}`);
  return { code: Number(m[1]), type: null, ...readMessageAndOperations(m[2] ?? '', hasOperations, vocab, at) };
}

function readMessageAndOperations(rest: string, hasOperations: boolean, vocab: Vocabulary, at: string) {
  let cell: string;
  let after: string;
  if (rest.startsWith(ABSENT_MARK)) {
    // The page closes this note with a stray ")" on some rows and not on others.
    const end = hasOperations ? operationsStart(rest, vocab.operations) : firstCjkOrTodo(rest);
    cell = rest.slice(0, end).replace(/\)$/u, '');
    after = rest.slice(end);
  } else if (rest.startsWith(VARIABLE_MARK)) {
    const end = rest.indexOf(')') + 1;
    cell = rest.slice(0, end);
    after = rest.slice(end);
  } else {
    const end = hasOperations ? operationsStart(rest, vocab.operations) : firstCjkOrTodo(rest);
    if (end <= 0) throw new PageParseError(`${at}: cannot find the end of the message in: ${rest.slice(0, 60)}`);
    cell = rest.slice(0, end);
    after = rest.slice(end);
  }
  const operations_text = hasOperations ? readOperationsCell(after, vocab.operations, at) : null;
  return {
    ...classifyMessage(cell),
    operations_text,
    operations: operations_text === null ? ('*' as const) : splitOperations(operations_text),
  };
}

function classifyMessage(cell: string) {
  if (cell.startsWith(ABSENT_MARK)) return nonMessage('absent', cell);
  if (cell.startsWith(VARIABLE_MARK)) return nonMessage('variable', cell);
  // The forbidden row describes when it is returned instead of quoting a message.
  if (cell.startsWith('Returned when ')) return nonMessage('variable', cell);
  const note = cell.match(MISSING_FIELDS_NOTE);
  const message = note ? cell.slice(0, note.index) : cell;
  return {
    message,
    message_kind: (/<\w+>/u.test(message) ? 'template' : 'exact') as MessageKind,
    page_note: note ? note[0].trim() : null,
    missing_fields: note !== null,
  };
}

function nonMessage(kind: MessageKind, cell: string) {
  return { message: null, message_kind: kind, page_note: cell, missing_fields: false };
}

// Without an operations column the message runs into the "what to do" cell, which starts with CJK text, with
// "TODO", or with an ASCII word glued to the message's last letter ("…accountIdempotency-Key 之前…").
function firstCjkOrTodo(rest: string): number {
  const ends = [rest.search(CJK), rest.search(/TODO$/u), rest.search(/(?<=[a-z.])[A-Z]/u)].filter((i) => i > 0);
  return ends.length ? Math.min(...ends) : -1;
}
