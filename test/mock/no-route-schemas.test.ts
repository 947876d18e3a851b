import { describe, expect, it } from 'vitest';
import { createMock } from '../../mock/server.ts';

// The mock's fastify has no schema compilers (mock/server.ts: its rules check requests, and ajv is not loaded at every
// start for nothing): a route that declares a schema fails at start-up rather than going unchecked.
describe('fastify route schemas on the mock', () => {
  it('are refused when the server starts', async () => {
    const { app } = createMock();
    app.post('/schema-route', { schema: { body: { type: 'object' } } }, async () => ({}));
    await expect(app.ready()).rejects.toThrow(/the mock declares no fastify route schemas/u);
    await app.close();
  });
});
