// Counters for the mock's rate limits: fixed windows per card on sensitive endpoints; sliding windows per account
// (optional) and per client on the token endpoint (optional).

import type { Clock } from '../state/clock.ts';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly logs = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Counts a hit; returns the seconds to wait when the limit is exceeded, else null. */
  hit(key: string, limit: number, windowMs: number): number | null {
    const now = this.clock.nowMs();
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (this.windows.size > 100_000) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= limit) return null;
    return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
  }

  /**
   * A sliding window: refused when `limit` hits were already counted in the last windowMs (refusals are not
   * counted). The strictest reading of "N per minute": no span of windowMs ever holds more than N.
   * Returns the seconds until the oldest counted hit leaves the window, else null.
   */
  hitSliding(key: string, limit: number, windowMs: number): number | null {
    const now = this.clock.nowMs();
    let log = this.logs.get(key);
    if (!log) {
      if (this.logs.size > 100_000) this.logs.clear();
      log = [];
      this.logs.set(key, log);
    }
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= now - windowMs) expired++;
    if (expired) log.splice(0, expired);
    if (log.length < limit) {
      log.push(now);
      return null;
    }
    return Math.max(1, Math.ceil(((log[0] as number) + windowMs - now) / 1000));
  }
}
