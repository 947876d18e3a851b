// A redacted curl command that replays a failing case: secrets masked by harness/redact.ts, the token left as a
// shell variable, long strings (documents, huge fuzz values) shortened so the line stays readable.

import { redactHeaders, redactText, redactValue } from '../harness/redact.ts';
import type { SentRequest } from './types.ts';

const LONG = 200;

export function curlCommand(baseUrl: string, sent: SentRequest): string {
  const method = sent.observed?.request.method ?? 'POST';
  const path = sent.observed?.request.path ?? `(${sent.spec.operation})`;
  const headers = redactHeaders(sent.observed?.request.headers ?? {});
  const parts = [`curl -X ${method} ${quote(`${baseUrl.replace(/\/$/u, '')}${path}`)}`];
  for (const [name, value] of Object.entries(headers)) {
    parts.push(`-H ${name === 'x-auth-token' ? '"x-auth-token: Bearer $UQPAY_TOKEN"' : quote(`${name}: ${value}`)}`);
  }
  const body = bodyText(sent);
  if (body !== null) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(' ');
}

function bodyText(sent: SentRequest): string | null {
  if (sent.spec.rawBody !== undefined) return shorten(redactText(sent.spec.rawBody));
  if (sent.spec.body === undefined) return null;
  return JSON.stringify(shortenDeep(redactValue(sent.spec.body)));
}

function shortenDeep(value: unknown): unknown {
  if (typeof value === 'string') return shorten(value);
  if (Array.isArray(value)) return value.map(shortenDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortenDeep(v)]));
  }
  return value;
}

function shorten(text: string): string {
  return text.length > LONG ? `${text.slice(0, 40)}…(${text.length} characters)` : text;
}

function quote(text: string): string {
  return `'${text.replace(/'/gu, `'\\''`)}'`;
}
