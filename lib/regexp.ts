// Text as a literal inside a regular expression (a route pattern, a --filter text, a message template's fixed parts).

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
