// What the client makes of answers about its token is read from the catalog: "Login expired" is exactly
// general.b.login_expired; the documented 401 (general.unauthorized_error) to the configured credential's fresh token
// refuses the client for good, after one mint at most, however many cases are in flight.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { ApiClient } from '../../harness/client.ts';

const catalog = loadCatalog();
const bodyOf = (id: string) => {
  const entry = catalog.entryById.get(id);
  if (!entry) throw new Error(id);
  return { status: entry.status, body: JSON.stringify(errorBody(entry)) };
};

let server: Server;
let baseUrl = '';
let mints = 0;
/** What every call but the mint answers. */
let answer = bodyOf('general.unauthorized_error');

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url?.endsWith('/v1/connect/token')) {
      mints++;
      const token = { auth_token: `token-${mints}`, expired_at: Math.floor(Date.now() / 1000) + 1800 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(token));
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const newClient = () =>
  new ApiClient(
    { baseUrl, credential: async (name) => ({ client_id: `client-${name}`, api_key: 'key' }) },
    catalog.operations,
  );

describe('the documented 401 to the configured credential', () => {
  it('refuses the client once for all concurrent requests, with at most 2 mints and one clear reason', async () => {
    answer = bodyOf('general.unauthorized_error');
    mints = 0;
    const client = newClient();
    const sends = Array.from({ length: 8 }, () => client.send({ operation: 'List Issuing Balances' }));
    const settled = await Promise.allSettled(sends);
    for (const s of settled) expect(s).toMatchObject({ status: 'rejected', reason: { kind: 'refused' } });
    await expect(client.send({ operation: 'List Cards' })).rejects.toThrow(
      /^the target refused this client's requests \(401 unauthorized_error: .*check the sandbox IP allowlist/u,
    );
    expect(mints).toBeLessThanOrEqual(2);
    await client.close();
  });

  it('is an answer to judge on another credential (a fixture key), not a refusal of the client', async () => {
    answer = bodyOf('general.unauthorized_error');
    const client = newClient();
    const observed = await client.send({
      operation: 'List Issuing Balances',
      auth: { kind: 'credential', name: 'deactivated-user' },
    });
    expect(observed.status).toBe(401);
    await client.close();
  });
});

describe('"Login expired"', () => {
  it('is the catalog entry exactly: a look-alike text is an answer, not a reason to mint again', async () => {
    answer = { status: 400, body: JSON.stringify({ code: 400, message: 'token expired' }) };
    mints = 0;
    const client = newClient();
    expect((await client.send({ operation: 'List Issuing Balances' })).status).toBe(400);
    expect(mints).toBe(1);
    await client.close();
  });

  it('the documented body makes the client mint once more and resend', async () => {
    answer = bodyOf('general.b.login_expired');
    mints = 0;
    const client = newClient();
    const observed = await client.send({ operation: 'List Issuing Balances' });
    expect(observed.status).toBe(400); // still superseded: the answer is returned after the one resend
    expect(mints).toBe(2);
    await client.close();
  });
});
