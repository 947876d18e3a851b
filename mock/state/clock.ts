// The mock's notion of now. Tests move it forward (token expiry, idempotency's 24 h) instead of waiting; whatever
// waits on the clock (pending settlements) hears each move.

export class Clock {
  private offsetMs = 0;
  private readonly listeners: (() => void)[] = [];

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
    for (const listener of this.listeners) listener();
  }

  onAdvance(listener: () => void): void {
    this.listeners.push(listener);
  }
}
