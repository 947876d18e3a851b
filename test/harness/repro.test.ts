import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FixtureMissing } from '../../contract/fixture-provider.ts';
import type { Observed } from '../../contract/request.ts';
import { BODY_CAP, buildRepro, shellQuote } from '../../harness/repro.ts';
import { unlockingSetting } from '../../reporting/skip-groups.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
const PAN = '4000123412341234';

function observed(body: unknown, response: unknown = { code: 400, message: 'no' }): Observed {
  return {
    status: 400,
    headers: { 'content-type': 'application/json', 'set-cookie': `s=${JWT}` },
    text: JSON.stringify(response),
    json: response,
    durationMs: 1,
    request: {
      method: 'POST',
      path: `/v1/issuing/cards/abc/recharge?card_number=${PAN}&page=1`,
      headers: { 'x-auth-token': `Bearer ${JWT}`, 'x-idempotency-key': 'k-1', 'content-type': 'application/json' },
      idempotencyKey: 'k-1',
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

const repro = (o: Observed, auth?: Parameters<typeof buildRepro>[0]['spec']) =>
  buildRepro({
    baseUrl: 'https://api-sandbox.uqpaytech.com/api/',
    seed: 9,
    fault: 'f',
    source: 'faulty',
    observed: o,
    ...(auth ? { spec: auth } : {}),
  });

describe('reproduction data', () => {
  it('holds method, path, query, headers, body and the answer, all redacted', () => {
    const r = repro(observed({ amount: 5, card_number: PAN, pin: '1234', note: "it's" }));
    expect(r.request).toMatchObject({ method: 'POST', path: '/v1/issuing/cards/abc/recharge', query: { page: '1' } });
    expect(r.request.body).toMatchObject({ amount: 5, note: "it's" });
    expect(r.response).toMatchObject({ status: 400, body: { code: 400, message: 'no' }, body_truncated: false });
    const text = JSON.stringify(r);
    for (const secret of [JWT, PAN, '"1234"']) expect(text).not.toContain(secret);
    expect(r).toMatchObject({ seed: 9, fault: 'f', source: 'faulty' });
  });

  it('cuts a long response body and says so', () => {
    const r = repro(observed(undefined, { message: 'x'.repeat(BODY_CAP * 2) }));
    expect(r.response.body_truncated).toBe(true);
    expect(String(r.response.body)).toMatch(/… \(\d+ more characters\)$/u);
    expect(r.request.body).toBeNull();
  });

  it('renders a curl command to the same base URL with a token placeholder and how to mint it', () => {
    const { curl } = repro(observed({ note: "it's" }), { operation: 'Card Recharge' });
    expect(curl).toContain("curl -sS -i -X POST 'https://api-sandbox.uqpaytech.com/api/v1/issuing/cards/abc/recharge?");
    expect(curl).toContain(`-H "x-auth-token: Bearer $UQPAY_TOKEN"`);
    expect(curl).toContain("'https://api-sandbox.uqpaytech.com/api/v1/connect/token'");
    expect(curl).toContain('x-api-key: $UQPAY_API_KEY');
    expect(curl).toContain("-H 'x-idempotency-key: k-1'");
    expect(curl).toContain('# values shown as **** were redacted');
    expect(curl).not.toContain(JWT);
    expect(curl).not.toContain(PAN);
  });

  it('a fault that sends its own token value, a fixture credential, and no token at all', () => {
    const raw = repro(observed({}), { operation: 'Retrieve Card', auth: { kind: 'raw', value: 'garbage' } }).curl;
    expect(raw).toContain('this fault sends its own token value');
    expect(raw).not.toContain('connect/token');
    const fixture = repro(observed({}), {
      operation: 'Retrieve Card',
      auth: { kind: 'credential', name: 'deactivated-user' },
    }).curl;
    expect(fixture).toContain('UQPAY_FIXTURE_CREDENTIAL_DEACTIVATED_USER');
    const none = observed({});
    delete none.request.headers['x-auth-token'];
    expect(repro(none).curl).not.toContain('x-auth-token');
  });

  it('shell quoting keeps a quote inside the body intact', () => {
    const quoted = shellQuote(`{"note":"it's"}`);
    expect(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(`{"note":"it's"}`);
  });
});

describe('the setting that unlocks a skip', () => {
  it('is read from the category FixtureMissing carries, never from the reason text', () => {
    const fixture = new FixtureMissing({ fixture: 'card expired', setting: 'UQPAY_FIXTURE_CARD_EXPIRED' });
    expect(fixture.category).toEqual({ kind: 'needs-fixture', setting: 'UQPAY_FIXTURE_CARD_EXPIRED' });
    expect(unlockingSetting({ reason: fixture.message, skip: fixture.category })).toBe('UQPAY_FIXTURE_CARD_EXPIRED');
    const mockOnly = new FixtureMissing({ fixture: 'an armed fault (x)', setting: null });
    expect(unlockingSetting({ reason: mockOnly.message, skip: mockOnly.category })).toMatch(/built-in mock/u);
    const exhausted = new FixtureMissing({ fixture: 'a pool card', setting: null, exhausted: true });
    expect(unlockingSetting({ reason: exhausted.message, skip: exhausted.category })).toMatch(/fresh mock/u);
    // A reason that merely mentions a setting, without the category, is taken as written.
    const text = 'needs fixture x: set UQPAY_FIXTURE_X in .env';
    expect(unlockingSetting({ reason: text })).toBe(text);
  });
});
