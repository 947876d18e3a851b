// A seeded English Faker without loading every locale: the package's main entry imports all ~70 locales (about
// 0.7 s of start-up on this machine); the en entry loads one. Same definitions, so the same seed replays the same data.

import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';

const FakerClass = englishFaker.constructor as typeof Faker;

export function seededFaker(seed: number): Faker {
  return new FakerClass({ locale: englishFaker.rawDefinitions, seed });
}
