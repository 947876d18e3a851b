import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import { FakerStream } from '../../lib/seeded-faker.ts';

const FakerClass = englishFaker.constructor as typeof Faker;
const ownFaker = (seed: number) => new FakerClass({ locale: englishFaker.rawDefinitions, seed });

/** One draw of each kind the suite and the mock use, each asking for the Faker anew (as the callers do). */
const drawKinds: ((faker: Faker) => unknown)[] = [
  (faker) => faker.string.uuid(),
  (faker) => faker.person.firstName(),
  (faker) => faker.string.numeric({ length: 7, allowLeadingZeros: true }),
  (faker) => faker.company.name(),
  (faker) => faker.number.float({ min: 0, max: 1 }),
  (faker) => faker.string.alphanumeric(24),
];
const draws = (faker: () => Faker) => drawKinds.map((draw) => draw(faker()));

describe('FakerStream', () => {
  it.each([0, 1, 7, 12_345, 2 ** 31 - 1, 3_000_000_000, 2 ** 32 - 1])(
    'draws what a Faker of its own seeded %i draws',
    (seed) => {
      const own = ownFaker(seed);
      const stream = new FakerStream(seed);
      expect(draws(() => stream.faker)).toEqual(draws(() => own));
    },
  );

  it('keeps each stream its own when streams take turns on the shared Faker', () => {
    const solo = new FakerStream(5);
    const alone = draws(() => solo.faker);
    const [mine, other] = [new FakerStream(5), new FakerStream(6)];
    const interleaved = drawKinds.map((draw) => {
      other.faker.string.uuid();
      return draw(mine.faker);
    });
    expect(interleaved).toEqual(alone);
  });

  it('seed() starts the stream again as a new stream of that seed would', () => {
    const stream = new FakerStream(1);
    stream.faker.person.firstName();
    stream.seed(42);
    const own = ownFaker(42);
    expect(draws(() => stream.faker)).toEqual(draws(() => own));
  });
});
