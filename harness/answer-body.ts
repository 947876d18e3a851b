// Reading an answer safely: the body up to a cap (a runaway body must not fill memory), recognising the vendor's
// answer to a superseded token, and how long a 429 or 5xx asks to be left alone.

import type { Observed } from '../contract/request.ts';

/** Larger answers are cut off here: no documented answer comes near it. */
export const BODY_CAP_BYTES = 1024 * 1024;

export async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  cap: number,
): Promise<{ text: string; oversized: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      chunks.push(chunk.subarray(0, chunk.length - (size - cap)));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), oversized: true };
    }
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), oversized: false };
}

/** The vendor's answer to a superseded or expired token (uqpay-api.md: "Login expired", "token has expired", …). */
export function isLoginExpired(observed: Observed): boolean {
  if (observed.status !== 400 && observed.status !== 401) return false;
  const message = (observed.json as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && /login expired|token has expired|token expired/iu.test(message);
}

/** The wait before retrying a 429/5xx: its Retry-After (at most 30 s), else 0.5 s, 1 s, 2 s … by attempt. */
export function retryDelayMs(observed: Observed, attempt: number): number {
  const retryAfter = Number(observed.headers['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt;
}
