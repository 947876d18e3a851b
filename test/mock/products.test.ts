import { describe, expect, it } from 'vitest';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const mock = useMock();

describe('List Products', () => {
  it('lists the products the account may use, in the real API list envelope', async () => {
    const answer = await call(mock, 'GET', '/v1/issuing/products?page_size=100', {
      headers: bearer(await tokenFor(mock)),
    });
    expect(answer.status).toBe(200);
    const data = answer.json.data as { product_id: string; card_form: string[]; card_currency: string[] }[];
    expect(answer.json.total_items).toBe(data.length);
    const standard = data.find((p) => p.product_id === mock.fixtures.products.standard);
    expect(standard).toMatchObject({
      card_form: ['VIR', 'PHY'],
      card_currency: ['SGD', 'USD'],
      product_status: 'ENABLED',
    });
    expect(data.some((p) => p.product_id === mock.fixtures.products.foreign)).toBe(false);
  });

  it('applies the general rows like any authenticated call', async () => {
    const answer = await call(mock, 'GET', '/v1/issuing/products');
    expect(answer).toMatchObject({ status: 401, json: { code: 'unauthorized_error' } });
  });
});
