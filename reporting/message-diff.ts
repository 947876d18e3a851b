// Character-level diff of an expected message against the observed one (jsdiff's diffChars, code point by code
// point). Messages are compared byte for byte, so a curly ’ against a straight ' must be visible at a glance:
// every changed character other than an ASCII letter or digit is shown with its code point (’ U+2019 against
// ' U+0027).

import { diffChars } from 'diff';

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** The parts of the diff: "removed" is in the expected message only, "added" in the observed one only. */
export function messageDiff(expected: string, got: string): DiffPart[] {
  return diffChars(expected, got).map((change) => ({
    kind: change.removed ? 'removed' : change.added ? 'added' : 'same',
    text: change.value,
  }));
}

/** The messages a failed message check compares, when both are texts (null otherwise: nothing to diff). */
export function diffableMessages(check: { check: string; expected: unknown; got: unknown }): [string, string] | null {
  if (check.check !== 'message' || typeof check.expected !== 'string' || typeof check.got !== 'string') return null;
  return [check.expected, check.got];
}

/** "U+2019" for one code point. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whether a changed character needs its code point named: anything but an ASCII letter or digit, so that
 * look-alikes (’ and ', a no-break space and a space, - and ‐) can always be told apart.
 */
export function needsCodePoint(char: string): boolean {
  return !/^[A-Za-z0-9]$/u.test(char);
}

/** How a character shows on its own: a space or a control character would be invisible. */
export function visible(char: string): string {
  if (char === ' ') return '␠';
  const cp = char.codePointAt(0) ?? 0;
  return cp < 0x20 || cp === 0x7f ? '�' : char;
}

/** A changed run of text with the code point after each character that needs one: "’ (U+2019)". */
export function describeChanged(text: string): string {
  return [...text].map((c) => (needsCodePoint(c) ? `${visible(c)} (${codePoint(c)})` : c)).join('');
}

/**
 * The diff as one plain-text line for JUnit and the console: unchanged text as is, [-removed-] and {+added+}
 * (the notation of git's word diff), changed characters with code points where they need them.
 */
export function plainDiff(expected: string, got: string): string {
  return messageDiff(expected, got)
    .map((part) => {
      if (part.kind === 'same') return part.text;
      const text = describeChanged(part.text);
      return part.kind === 'removed' ? `[-${text}-]` : `{+${text}+}`;
    })
    .join('');
}
