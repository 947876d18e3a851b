// Valid request data from @faker-js/faker, inside the API's rules: names of ASCII letters and spaces, adults only,
// unique emails, phones and reference ids, reference_id of at least 10 characters. Seeded, so a run replays —
// except the unique identifiers, which also carry a per-run nonce: a nightly run with a fixed seed against a
// sandbox that keeps yesterday's cardholders must not collide with them.

import { createHash, randomInt } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import { seededFaker } from '../lib/seeded-faker.ts';

/** A 1×1 PNG: the smallest document the file rules accept. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export class DataFactory {
  private readonly faker: Faker;
  /** A second stream, derived from the seed, for ids that must name nothing (see uuid()). */
  private readonly idFaker: Faker;
  private counter = 0;
  /** Distinguishes runs that share a target, so uniqueness holds across runs too. */
  private runTag: string;
  /** Where this run's phone numbers start; each number after it is used once. */
  private phoneBase: number;
  /** Numbers other streams of the run already used (reseeded factories draw from scattered starts). */
  private takenPhones: Set<string> | null = null;

  constructor(
    readonly seed: number,
    nonce: number = randomInt(0, 2 ** 40),
  ) {
    this.faker = seededFaker(seed);
    this.idFaker = seededFaker(derivedSeed(seed, 'ids that name nothing'));
    this.runTag = nonce.toString(36);
    this.phoneBase = nonce % 9_000_000;
  }

  /**
   * Starts the streams again from another seed and nonce (cheaper than a new factory): a fuzz case draws its data
   * from its own seed, so a replayed case sends the same bytes.
   */
  reseed(seed: number, nonce: number, takenPhones?: Set<string>): void {
    this.takenPhones = takenPhones ?? null;
    this.faker.seed(seed);
    this.idFaker.seed(derivedSeed(seed, 'ids that name nothing'));
    this.counter = 0;
    this.runTag = nonce.toString(36);
    this.phoneBase = nonce % 9_000_000;
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

  /** An 8-digit Singapore mobile number: never repeated within a run (up to a million per run). */
  phone(): string {
    let phone: string;
    do phone = `8${String((this.phoneBase + this.next()) % 10_000_000).padStart(7, '0')}`;
    while (this.takenPhones?.has(phone));
    this.takenPhones?.add(phone);
    return phone;
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

/** A seed for a separate stream: the same for the same seed and purpose, unrelated to the seed's own sequence. */
function derivedSeed(seed: number, purpose: string): number {
  return createHash('sha256').update(`${purpose}:${seed}`).digest().readUInt32BE(0);
}
