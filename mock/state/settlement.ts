// Work the real platform finishes later (a card order, a KYC review): each task runs once its time on the mock's
// clock has come, woken by a timer or by a move of the clock through /__mock/clock — never by polling. A delay of 0
// runs the task at once, inside the request, which keeps the mock's original synchronous behaviour.

import type { Clock } from './clock.ts';

interface Pending {
  dueMs: number;
  run: () => void;
  timer: NodeJS.Timeout;
}

export class Settlements {
  private readonly pending = new Set<Pending>();

  constructor(private readonly clock: Clock) {
    clock.onAdvance(() => this.runDue());
  }

  /** Runs the task after delayMs of the mock's clock; at once when delayMs is 0. */
  schedule(delayMs: number, run: () => void): void {
    if (delayMs <= 0) {
      run();
      return;
    }
    const task: Pending = {
      dueMs: this.clock.nowMs() + delayMs,
      run,
      timer: setTimeout(() => this.settle(task), delayMs),
    };
    // A pending settlement never keeps the process alive on its own.
    task.timer.unref();
    this.pending.add(task);
  }

  /** How many tasks wait. */
  get size(): number {
    return this.pending.size;
  }

  /** Stops every timer; the tasks that have not run are dropped with the mock. */
  close(): void {
    for (const task of this.pending) clearTimeout(task.timer);
    this.pending.clear();
  }

  private runDue(): void {
    const now = this.clock.nowMs();
    for (const task of [...this.pending].sort((a, b) => a.dueMs - b.dueMs)) if (task.dueMs <= now) this.settle(task);
  }

  private settle(task: Pending): void {
    if (!this.pending.delete(task)) return;
    clearTimeout(task.timer);
    try {
      task.run();
    } catch (error) {
      // A bug in a settlement must not take the mock down.
      console.error('mock: a settlement failed unexpectedly:', error);
    }
  }
}
