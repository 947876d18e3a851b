// Held requests: a request that hits an armed "hold" fault parks after it has taken its idempotency key, until the
// scope that armed it releases it. This lets a scenario send a duplicate while the first copy is provably in flight,
// without guessing a sleep. Every hold ends on its own after HOLD_LIMIT_MS, so a forgotten release never hangs.

const HOLD_LIMIT_MS = 10_000;
const WAIT_LIMIT_MS = 5_000;

interface Parked {
  release: () => void;
}

export class HoldBoard {
  private readonly parked = new Map<string, Parked[]>();
  /** Waits for a parked request, by scope: woken with true by a park, with false by the scope's release. */
  private readonly waiters = new Map<string, ((held: boolean) => void)[]>();

  /** Parks the calling request until released (or HOLD_LIMIT_MS passed). */
  park(scope: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), HOLD_LIMIT_MS);
      timer.unref?.();
      const entry: Parked = { release: () => done() };
      const done = () => {
        clearTimeout(timer);
        const list = this.parked.get(scope)?.filter((p) => p !== entry) ?? [];
        if (list.length) this.parked.set(scope, list);
        else this.parked.delete(scope);
        resolve();
      };
      this.parked.set(scope, [...(this.parked.get(scope) ?? []), entry]);
      for (const wake of this.waiters.get(scope)?.splice(0) ?? []) wake(true);
    });
  }

  /**
   * Resolves true once a request of this scope is parked; false if none parks within WAIT_LIMIT_MS, or if the scope
   * is released first (its caller stopped waiting: the request it waited for was answered without being held).
   */
  waitParked(scope: string): Promise<boolean> {
    if (this.parked.get(scope)?.length) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = (held: boolean) => {
        clearTimeout(timer);
        resolve(held);
      };
      const timer = setTimeout(() => {
        const list = this.waiters.get(scope)?.filter((w) => w !== wake) ?? [];
        if (list.length) this.waiters.set(scope, list);
        else this.waiters.delete(scope);
        resolve(false);
      }, WAIT_LIMIT_MS);
      // A wait its caller gave up on must not keep the mock's process alive.
      timer.unref?.();
      this.waiters.set(scope, [...(this.waiters.get(scope) ?? []), wake]);
    });
  }

  /** Releases every parked request of the scope, and ends its waits (held: false); returns how many were parked. */
  release(scope: string): number {
    const list = this.parked.get(scope) ?? [];
    for (const p of [...list]) p.release();
    for (const wake of this.waiters.get(scope)?.splice(0) ?? []) wake(false);
    this.waiters.delete(scope);
    return list.length;
  }

  releaseAll(): void {
    for (const scope of [...this.parked.keys()]) this.release(scope);
  }
}
