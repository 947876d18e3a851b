import { describe, expect, it } from 'vitest';
import type { Observed } from '../../contract/request.ts';
import { resendWhileTrouble, retryDelayMs } from '../../harness/answer-body.ts';
import { recordingPause } from '../__helpers__/recording-pause.ts';

// The waits between retries of a 429/5xx: the backoff by attempt, or the answer's own Retry-After (capped).
const answer = (status: number, headers: Record<string, string> = {}): Observed =>
  ({ status, headers, text: '', json: undefined, durationMs: 0 }) as unknown as Observed;

describe('retry backoff', () => {
  it('waits 0.5 s, 1 s, 2 s between attempts when the answer names no Retry-After', async () => {
    const pauses = recordingPause();
    let sent = 0;
    const last = await resendWhileTrouble(async () => answer(++sent === 4 ? 200 : 503), 3, pauses.pause);
    expect(last.status).toBe(200);
    expect(pauses.asked).toEqual([500, 1000, 2000]);
  });

  it('honours Retry-After, at most 30 s, and gives up after the retries allowed', async () => {
    const pauses = recordingPause();
    const trouble = [answer(429, { 'retry-after': '3' }), answer(503, { 'retry-after': '120' }), answer(500)];
    let sent = 0;
    const last = await resendWhileTrouble(async () => trouble[sent++] ?? answer(502), 3, pauses.pause);
    expect(last.status).toBe(502);
    expect(sent).toBe(4);
    expect(pauses.asked).toEqual([3000, 30_000, 2000]);
  });

  it('sends once, and waits for nothing, when the first answer is no trouble', async () => {
    const pauses = recordingPause();
    const last = await resendWhileTrouble(async () => answer(404), 3, pauses.pause);
    expect(last.status).toBe(404);
    expect(pauses.asked).toEqual([]);
  });

  it('reads a non-numeric or non-positive Retry-After as absent', () => {
    expect(retryDelayMs(answer(429, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), 1)).toBe(500);
    expect(retryDelayMs(answer(429, { 'retry-after': '0' }), 2)).toBe(1000);
  });
});
