import { describe, expect, it } from 'vitest';
import { redactText } from '../../harness/redact.ts';

// Reasons embed raw answer text, often cut short: secret fields must be masked there too, and prose left alone.
describe('secret fields written out in text', () => {
  it.each([
    [
      'valid twin answered 400 {"card_number":"4111111111111111","cvv":"987","expire_date":"12/31","pin":"4321"}',
      'valid twin answered 400 {"card_number":"****","cvv":"****","expire_date":"****","pin":"****"}',
    ],
    ['arrange step answered 200 {"card_id":"c1","cvv":"98', 'arrange step answered 200 {"card_id":"c1","cvv":"****'],
    ['activation_code=AB12CD&x=1', 'activation_code=****&x=1'],
    ['x-api-key: sk_live_abc then', 'x-api-key: **** then'],
    ['x-auth-token: Bearer abc.def', 'x-auth-token: Bearer ****'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi', 'token ****'],
  ])('masks %s', (text, masked) => {
    expect(redactText(text)).toBe(masked);
  });

  it.each([
    'needs fixture an expired access token: set UQPAY_FIXTURE_EXPIRED_TOKEN in .env',
    'message: expected "pin: must be 6 digits", got "card_status: must be a card status"',
    '1,700 requests in 20.1 s',
  ])('leaves prose alone: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
