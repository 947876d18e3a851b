// Request recording for the benchmarks (bench/suite.ts) and the Postman export: every request a session sends to a
// MOCK, control calls included, in order, with its answer's status. Secrets never reach the file: a token is written
// as a reference to the mint that produced it ("{{token:3}}"), an API key as "{{api_key:<client id>}}", so a replay
// mints its own. Off unless UQPAY_RECORD_REQUESTS names a file (JSON lines) or a test enables it in memory.

import { appendFileSync } from 'node:fs';
import { currentAnswers } from './case-answers.ts';

export interface RecordedRequest {
  /** Milliseconds since the epoch, when the request was sent and when its answer had been read. */
  sent_ms: number;
  answered_ms: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  status: number;
  /** For a token answer: the mint's number, which later requests refer to. */
  mint?: number;
  /** The answer's body, kept only for token mints' client id and for error answers (Postman tests). */
  answer?: unknown;
  /** The UUIDs in the answer's body, in order (ids of what it created or listed): the floor maps them to its own. */
  ids?: string[];
  /**
   * Whose work sent it: a case's title (and attempt), or "shared arrange <value>"; absent outside both (the
   * preflight). The floor replays each owner's requests in the order they depended on each other.
   */
  owner?: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu;
/** The UUIDs in a text, in order. */
export const uuidsIn = (text: string): string[] => text.match(UUID) ?? [];

class Recorder {
  private readonly entries: RecordedRequest[] = [];
  private readonly tokens = new Map<string, number>();
  private mints = 0;

  constructor(private readonly file: string | null) {}

  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  record(request: Omit<RecordedRequest, 'mint' | 'answer' | 'ids' | 'owner'>, answerText: string): void {
    const headers = { ...request.headers };
    const auth = headers['x-auth-token'];
    if (auth !== undefined) {
      const token = auth.replace(/^Bearer /u, '');
      const mint = this.tokens.get(token);
      headers['x-auth-token'] =
        mint === undefined ? `${auth.slice(0, 7)}{{token:unknown}}` : `Bearer {{token:${mint}}}`;
    }
    if (headers['x-api-key'] !== undefined) headers['x-api-key'] = `{{api_key:${headers['x-client-id'] ?? ''}}}`;
    const owner = currentAnswers()?.owner;
    const entry: RecordedRequest = { ...request, headers, ...(owner === undefined ? {} : { owner }) };
    const json = parse(answerText);
    const token = (json as { auth_token?: unknown } | undefined)?.auth_token;
    if (typeof token === 'string') {
      entry.mint = ++this.mints;
      this.tokens.set(token, entry.mint);
    } else {
      if (request.status >= 400) entry.answer = json ?? answerText.slice(0, 200);
      const ids = uuidsIn(answerText);
      if (ids.length) entry.ids = ids;
    }
    this.entries.push(entry);
  }

  flush(): void {
    if (!this.file || !this.entries.length) return;
    appendFileSync(this.file, `${this.entries.map((e) => JSON.stringify(e)).join('\n')}\n`);
    this.entries.length = 0;
  }
}

let active: Recorder | null = null;

/** The recorder of this process, if recording is on (UQPAY_RECORD_REQUESTS, or started in memory). */
export function recorder(): Recorder | null {
  return active;
}

/** Turns recording on for a session against a mock; never for other targets. file: UQPAY_RECORD_REQUESTS, as a value. */
export function startRecording(kind: string, file: string | null | undefined): Recorder | null {
  if (kind !== 'mock' || !file) return active;
  active ??= new Recorder(file === ':memory:' ? null : file);
  return active;
}

export function stopRecording(): readonly RecordedRequest[] {
  const entries = active?.all ?? [];
  active?.flush();
  active = null;
  return entries;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // a recorded answer that is not JSON is recorded without a parsed body
  }
}
