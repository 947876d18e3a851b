import { describe, expect, it } from 'vitest';
import { redactHeaders, redactText, redactValue } from '../../harness/redact.ts';

describe('redaction', () => {
  it('masks secret headers whatever their case', () => {
    expect(redactHeaders({ 'X-Auth-Token': 'Bearer abc', 'x-api-key': 'k', accept: 'application/json' })).toEqual({
      'X-Auth-Token': '****',
      'x-api-key': '****',
      accept: 'application/json',
    });
  });

  it('masks card numbers (plain, spaced or dashed) to their last four digits, and JWTs', () => {
    expect(redactText('pan 4096360800133951 and 4096 3608 0013 3951 and 4096-3608-0013-3951')).toBe(
      'pan ************3951 and ************3951 and ************3951',
    );
    expect(redactText('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature ok')).toBe('token **** ok');
    expect(redactText('order 123456 of 12 items')).toBe('order 123456 of 12 items');
  });

  it('masks secret keys at any depth and card data inside other strings', () => {
    const body = {
      card_number: '4096360800133951',
      cvv: '123',
      identity: { number: 'E1234567', front_file: 'iVBORw0KGgo=' },
      list: [{ pin: '123456' }, 'card 4096360800133951'],
      message: 'ok',
    };
    expect(redactValue(body)).toEqual({
      card_number: '****',
      cvv: '****',
      identity: { number: '****', front_file: '****' },
      list: [{ pin: '****' }, 'card ************3951'],
      message: 'ok',
    });
  });
});
