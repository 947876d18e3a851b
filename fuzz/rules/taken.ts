// Values an earlier request of the run has taken (an existing phone number, KYC reference id, identity number,
// activation code), so a rule's edge can tell a value that collides from a new one by looking at the value alone.

export class Taken {
  private readonly values = new Set<string>();

  add(value: unknown): string {
    const text = String(value);
    this.values.add(text);
    return text;
  }

  has(value: unknown): boolean {
    return typeof value === 'string' && this.values.has(value);
  }

  /** The first value taken, if any. */
  first(): string | undefined {
    return this.values.values().next().value;
  }

  /** A taken value equal to `value` but for its last character, if any (a code one digit off). */
  nextTo(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    return [...this.values].find((v) => v.length === value.length && v.slice(0, -1) === value.slice(0, -1));
  }
}
