// Fixed-window counters for the mock's rate limits (per card on sensitive endpoints, optionally per account).

import type { Clock } from '../state/clock.ts';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

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
}
