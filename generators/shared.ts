// Arranged state shared between scenarios, where sharing cannot change an outcome: each value is built once per
// run on first use. Scenarios whose requests change a resource's state build their own instead.

/** Wraps the build of one shared value (the session attributes its requests to the value, not to a case). */
export type SharedBuild = <T>(key: string, make: () => Promise<T>) => Promise<T>;

export class SharedState {
  private readonly values = new Map<string, Promise<unknown>>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly build: SharedBuild = (_key, make) => make()) {}

  /** 0, 1, 2, … per name: for rotating through shared resources. */
  next(name: string): number {
    const value = this.counters.get(name) ?? 0;
    this.counters.set(name, value + 1);
    return value;
  }

  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = this.build(key, make);
      this.values.set(key, value);
      // A failed build is not cached: the next scenario that needs it tries again and reports its own error.
      value.catch(() => this.values.delete(key));
    }
    return value;
  }
}
