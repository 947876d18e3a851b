// On a lasting target a run's fresh phone number can be an earlier run's: the arranged cardholder draws another.

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { newCardholder } from '../../generators/arrange.ts';
import { DataFactory } from '../../generators/data.ts';
import { ArrangeError, type ScenarioContext } from '../../generators/types.ts';

function arranger(refusals: number, code = 'phone_number_duplicated') {
  const sent: RequestSpec[] = [];
  const ctx = {
    data: new DataFactory(3),
    arrange: async (spec: RequestSpec) => {
      sent.push(spec);
      if (sent.length <= refusals) {
        const json = { code, message: 'phone number used by another cardholder under account' };
        throw new ArrangeError('arrange step Create Cardholder answered 400', { status: 400, json } as never);
      }
      return { cardholder_id: 'ch-1', cardholder_status: 'SUCCESS' };
    },
  } as unknown as ScenarioContext;
  return { ctx, sent };
}

const phoneOf = (spec: RequestSpec | undefined) => (spec?.body as Record<string, unknown> | undefined)?.phone_number;

describe('an arranged cardholder whose phone number is taken', () => {
  it('is created with another number', async () => {
    const { ctx, sent } = arranger(1);
    expect(await newCardholder(ctx)).toBe('ch-1');
    expect(sent).toHaveLength(2);
    expect(phoneOf(sent[1])).not.toBe(phoneOf(sent[0]));
  });

  it('gives up after three numbers, with the refusal', async () => {
    const { ctx, sent } = arranger(3);
    await expect(newCardholder(ctx)).rejects.toThrow(ArrangeError);
    expect(sent).toHaveLength(3);
  });

  it('does not retry another refusal, or a phone number the scenario chose', async () => {
    const other = arranger(1, 'email_duplicated');
    await expect(newCardholder(other.ctx)).rejects.toThrow(ArrangeError);
    expect(other.sent).toHaveLength(1);
    const chosen = arranger(1);
    await expect(newCardholder(chosen.ctx, { phone_number: '81234567' })).rejects.toThrow(ArrangeError);
    expect(chosen.sent).toHaveLength(1);
  });
});
