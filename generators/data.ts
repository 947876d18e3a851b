// Valid request data from @faker-js/faker, inside the API's rules: names of ASCII letters and spaces, adults only,
// unique emails, phones and reference ids, reference_id of at least 10 characters. Seeded, so a run replays —
// except the unique identifiers, which also carry a per-run nonce: a nightly run with a fixed seed against a
// sandbox that keeps yesterday's cardholders must not collide with them.
// Each case draws from a fork of its own (fork(label)): its streams derive from the seed and its label, so what a case
// sends does not depend on which other cases ran first (concurrent runs replay too).

import { createHash, randomInt } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import { FakerStream } from '../lib/seeded-faker.ts';

/** A 1×1 PNG: the smallest document the file rules accept. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export class DataFactory {
  // Each stream is built on first use: most cases draw from one or two of them.
  #faker: FakerStream | undefined;
  #idFaker: FakerStream | undefined;
  #nonceFaker: FakerStream | undefined;
  private counter = 0;
  /** Distinguishes runs that share a target, so uniqueness holds across runs too (and a fork from its siblings). */
  private runTag: string;

  constructor(
    readonly seed: number,
    private readonly nonce: number = randomInt(0, 2 ** 40),
    private readonly label = '',
    /** Phone numbers handed out by this factory and every fork of its root: each is used once per run. */
    private phones = new Set<string>(),
  ) {
    this.runTag = `${nonce.toString(36)}${label ? labelTag(label) : ''}`;
  }

  private get faker(): Faker {
    this.#faker ??= new FakerStream(this.label ? derivedSeed(this.seed, `data of ${this.label}`) : this.seed);
    return this.#faker.faker;
  }

  /** A second stream, derived from the seed, for ids that must name nothing (see uuid()). */
  private get idFaker(): Faker {
    const purpose = `ids that name nothing${this.label ? ` of ${this.label}` : ''}`;
    this.#idFaker ??= new FakerStream(derivedSeed(this.seed, purpose));
    return this.#idFaker.faker;
  }

  /** A stream derived from the run's nonce: idempotency keys and phone numbers, new on every run. */
  private get nonceFaker(): Faker {
    this.#nonceFaker ??= new FakerStream(derivedSeed(this.nonce, `per-run values of ${this.label}`));
    return this.#nonceFaker.faker;
  }

  /** The factory of one case (or shared value): streams of its own, derived from the seed and the label. */
  fork(label: string): DataFactory {
    return new DataFactory(this.seed, this.nonce, this.label ? `${this.label} / ${label}` : label, this.phones);
  }

  /** An idempotency key: a v4 UUID from the nonce's stream (a fixed seed never replays yesterday's keys). */
  idempotencyKey(): string {
    return this.nonceFaker.string.uuid();
  }

  /**
   * Starts the streams again from another seed and nonce (cheaper than a new factory): a fuzz case draws its data
   * from its own seed, so a replayed case sends the same bytes. takenPhones: numbers other streams already used.
   */
  reseed(seed: number, nonce: number, takenPhones?: Set<string>): void {
    this.phones = takenPhones ?? new Set();
    this.#faker = new FakerStream(seed);
    this.#idFaker = new FakerStream(derivedSeed(seed, 'ids that name nothing'));
    this.#nonceFaker = new FakerStream(derivedSeed(nonce, `per-run values of ${this.label}`));
    this.counter = 0;
    this.runTag = `${nonce.toString(36)}${this.label ? labelTag(this.label) : ''}`;
  }

  /**
   * A v4 UUID for ids that must name nothing. From a second stream derived from the seed, not the seed itself: a
   * target seeded with the same number (the mock with the run's seed) would otherwise draw the very same ids for its
   * own records. Same seed, same ids: a replay is byte-identical.
   */
  uuid(): string {
    return this.idFaker.string.uuid();
  }

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  name(): string {
    return this.faker.person.firstName().replace(/[^A-Za-z]/gu, '') || 'Alex';
  }

  email(): string {
    return `conformance.${this.runTag}.${this.next()}@example.com`;
  }

  /** An 8-digit Singapore mobile number: never repeated within a run (drawn again on the rare repeat). */
  phone(): string {
    for (;;) {
      const phone = `8${this.nonceFaker.string.numeric({ length: 7, allowLeadingZeros: true })}`;
      if (this.phones.has(phone)) continue;
      this.phones.add(phone);
      return phone;
    }
  }

  referenceId(): string {
    return `ref-${this.runTag}-${this.next()}-${this.faker.string.alphanumeric(6)}`;
  }

  /** An adult's date of birth, YYYY-MM-DD. */
  adultBirthDate(): string {
    return this.faker.date.birthdate({ mode: 'age', min: 21, max: 70 }).toISOString().slice(0, 10);
  }

  identityNumber(): string {
    return `E${this.runTag.toUpperCase()}${this.next()}`;
  }

  cardholder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      email: this.email(),
      first_name: this.name(),
      last_name: this.name(),
      country_code: 'SG',
      phone_number: this.phone(),
      date_of_birth: this.adultBirthDate(),
      gender: this.faker.helpers.arrayElement(['MALE', 'FEMALE']),
      ...overrides,
    };
  }

  identity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { type: 'PASSPORT', number: this.identityNumber(), front_file: TINY_PNG_BASE64, ...overrides };
  }

  residentialAddress(): Record<string, unknown> {
    return { country: 'SG', city: 'Singapore', line1: `${this.faker.number.int({ min: 1, max: 999 })} Orchard Road` };
  }

  merchantName(): string {
    return (
      this.faker.company
        .name()
        .replace(/[^A-Za-z ]/gu, '')
        .trim() || 'Mock Merchant'
    );
  }
}

/** Five base-36 characters naming a fork in its unique values (emails, reference and identity numbers). */
function labelTag(label: string): string {
  return createHash('sha256').update(label).digest().readUInt32BE(0).toString(36).padStart(7, '0').slice(-5);
}

/** A seed for a separate stream: the same for the same seed and purpose, unrelated to the seed's own sequence. */
function derivedSeed(seed: number, purpose: string): number {
  return createHash('sha256').update(`${purpose}:${seed}`).digest().readUInt32BE(0);
}
