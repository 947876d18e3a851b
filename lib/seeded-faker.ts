// Seeded English fakers that share one Faker per thread. Building a Faker costs ~0.19 ms here (it instantiates its
// ~25 modules) and a conformance run builds one per stream, ~1,500 of them; a stream below only builds a Mersenne
// Twister (~0.015 ms). pure-rand's MT19937 draws the very numbers faker's own does, and next() below is faker's
// 53-bit draw, so a seed gives the same data as `new Faker({ seed })` (test/lib/seeded-faker.test.ts).
// Loads the en entry, not the package's main one, which imports all ~70 locales (about 0.7 s of start-up).

import type { Faker, Randomizer } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { mersenne } from 'pure-rand/generator/mersenne';

type Generator = ReturnType<typeof mersenne>;

const FakerClass = englishFaker.constructor as typeof Faker;

/** The generator of the stream that last asked for the shared Faker. */
let current: Generator = mersenne(0);

const switchingRandomizer: Randomizer = {
  next(): number {
    const high = current.next() >>> 5;
    const low = current.next() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  },
  seed(): void {
    throw new Error('a FakerStream is seeded through its own seed(), not through the shared Faker');
  },
};

const shared = new FakerClass({ locale: englishFaker.rawDefinitions, randomizer: switchingRandomizer });

/** One seeded stream of fake data. */
export class FakerStream {
  #generator: Generator;

  constructor(seed: number) {
    this.#generator = mersenne(seed);
  }

  /**
   * The thread's Faker, drawing from this stream. Use it within one synchronous expression
   * (`stream.faker.person.firstName()`): the next stream to ask takes the Faker over.
   */
  get faker(): Faker {
    current = this.#generator;
    return shared;
  }

  /** Starts the stream again from another seed. */
  seed(seed: number): void {
    this.#generator = mersenne(seed);
  }
}
