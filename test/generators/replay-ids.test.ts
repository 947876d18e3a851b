import { en, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { DataFactory } from '../../generators/data.ts';

// Ids that must name nothing land in reports (a template's <id>): a same-seed replay must draw the same ones, yet not
// the ids a target seeded with the same number (the mock) draws for its own records.
describe('ids that name nothing', () => {
  it('are the same for the same seed, and differ between seeds', () => {
    const draw = (seed: number) => {
      const data = new DataFactory(seed);
      return [data.uuid(), data.uuid(), data.uuid()];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const id of draw(7))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('are not the seed’s own sequence', () => {
    const sameSeed = new Faker({ locale: [en], seed: 7 });
    const own = Array.from({ length: 50 }, () => sameSeed.string.uuid());
    const data = new DataFactory(7);
    for (let i = 0; i < 50; i++) expect(own).not.toContain(data.uuid());
  });
});
