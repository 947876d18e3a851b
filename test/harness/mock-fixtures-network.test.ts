// A control request to the mock that meets network trouble (a stale pooled connection the other side closed, a
// reset) is environment trouble, a TargetError, never "the scenario itself failed" (a bug of ours).

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../../harness/client.ts';
import { MockFixtures } from '../../harness/fixtures.ts';

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  // The first control request loses its connection; the next one is answered.
  if (requests === 1) return req.socket.destroy();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ credentials: { default: 'ok' } }));
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('MockFixtures control requests', () => {
  it('a closed connection is a TargetError naming the control request, and is not cached', async () => {
    const fixtures = new MockFixtures(baseUrl);
    const error = await fixtures.credential('default').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect(error).toMatchObject({ kind: 'unreachable', reset: true });
    expect((error as TargetError).message).toMatch(
      /^mock control GET \/fixtures: 127\.0\.0\.1:\d+ cannot be reached /u,
    );
    expect(await fixtures.credential('default')).toBe('ok');
  });
});
