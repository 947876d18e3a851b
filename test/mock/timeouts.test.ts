import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/server.ts';

// A client that never finishes its request must not hold a connection forever.
describe('the mock and half-sent requests', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  });
  afterAll(() => mock.close());

  const halfSend = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(mock.baseUrl);
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      // Bounded: a mock without timeouts would keep it open; fail rather than hang.
      setTimeout(() => {
        socket.destroy();
        reject(new Error('still open after 5 s'));
      }, 5000).unref();
    });

  it('cuts off a request whose headers never end', async () => {
    await expect(halfSend('POST /api/v1/issuing/cards HTTP/1.1\r\nHost: x\r\n')).resolves.toMatch(/^(HTTP\/1.1 408|)/u);
  });

  it('cuts off a request whose body never ends', async () => {
    const head = 'POST /api/v1/issuing/cards HTTP/1.1\r\nHost: x\r\ncontent-length: 100\r\n\r\n{"a":';
    await expect(halfSend(head)).resolves.toMatch(/^(HTTP\/1.1 408|)/u);
  });

  it('caps open connections', () => {
    expect(mock.app.server.maxConnections).toBe(256);
  });
});
