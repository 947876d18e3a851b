// One HTTP exchange through undici's dispatcher, the body read up to a cap. What undici's request() does, without its
// per-request stream: request() wraps every answer in a Readable (an async resource, read here through an async
// iterator), which cost a fuzz run's client thread more than the rest of its HTTP handling; a plain handler collects
// the chunks instead. Same dispatcher, same timeouts, same errors (undici's own, through onError).

import type { Dispatcher } from 'undici';

export interface Exchanged {
  statusCode: number;
  /** Names in lower case; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  text: string;
  /** The body was longer than the cap: text holds its first cap bytes, and the connection was aborted. */
  oversized: boolean;
}

export interface ExchangeRequest {
  method: string;
  /** The full URL (origin, path and query). */
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** Overrides the dispatcher's headers and body timeouts for this exchange. */
  timeoutMs?: number;
}

export function exchange(dispatcher: Dispatcher, request: ExchangeRequest, capBytes: number): Promise<Exchanged> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    let abort: ((reason?: Error) => void) | null = null;
    let settled = false;
    let statusCode = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (oversized: boolean) => {
      settled = true;
      resolve({ statusCode, headers, text: Buffer.concat(chunks).toString('utf8'), oversized });
    };
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body,
        ...(request.timeoutMs === undefined
          ? {}
          : { headersTimeout: request.timeoutMs, bodyTimeout: request.timeoutMs }),
      },
      {
        onConnect: (abortRequest: (reason?: Error) => void) => {
          abort = abortRequest;
        },
        onHeaders: (status: number, rawHeaders: Buffer[]) => {
          statusCode = status;
          headers = flatHeaders(rawHeaders);
          return true;
        },
        onData: (chunk: Buffer) => {
          if (settled) return false;
          size += chunk.length;
          if (size <= capBytes) {
            chunks.push(chunk);
            return true;
          }
          chunks.push(chunk.subarray(0, chunk.length - (size - capBytes)));
          finish(true);
          abort?.();
          return false;
        },
        onComplete: () => {
          if (!settled) finish(false);
        },
        onError: (error: Error) => {
          if (settled) return;
          settled = true;
          reject(error);
        },
      } as Dispatcher.DispatchHandler,
    );
  });
}

/** undici's raw headers ([name, value, name, value, …] as buffers) as one string per lower-case name. */
function flatHeaders(raw: Buffer[]): Record<string, string> {
  const flat = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as Buffer).toString('latin1').toLowerCase();
    const value = (raw[i + 1] as Buffer).toString('latin1');
    const before = flat.get(name);
    flat.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  // fromEntries makes every name an own property, "__proto__" included.
  return Object.fromEntries(flat);
}
