// HTML escaping for text and attribute values: every byte of target data goes through it.

export function esc(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** The fragment id of a case's evidence, by its index in results.json (links from the matrix). */
export function caseAnchor(index: number): string {
  return `case-${index}`;
}
