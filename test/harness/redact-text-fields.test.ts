import { describe, expect, it } from 'vitest';
import { redactText } from '../../harness/redact.ts';

// Reasons embed raw answer text, often cut short: secret fields must be masked there too, and prose left alone.
describe('secret fields written out in text', () => {
  // The first column names the case: a raw sample card number or CVV in a test's title would land in the reports.
  it.each([
    [
      'card number, cvv, expiry and pin in a JSON body',
      'valid twin answered 400 {"card_number":"4111111111111111","cvv":"987","expire_date":"12/31","pin":"4321"}',
      'valid twin answered 400 {"card_number":"****","cvv":"****","expire_date":"****","pin":"****"}',
    ],
    [
      'a cvv cut short',
      'arrange step answered 200 {"card_id":"c1","cvv":"98',
      'arrange step answered 200 {"card_id":"c1","cvv":"****',
    ],
    ['an activation code in a query', 'activation_code=AB12CD&x=1', 'activation_code=****&x=1'],
    ['an api key header', 'x-api-key: sk_live_abc then', 'x-api-key: **** then'],
    ['a bearer token header', 'x-auth-token: Bearer abc.def', 'x-auth-token: Bearer ****'],
    ['a cut-off JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi', 'token ****'],
  ])('masks %s', (_name, text, masked) => {
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
