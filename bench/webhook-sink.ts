// A webhook receiver on loopback for the dress rehearsal: counts the events a --sandbox-like mock POSTs and checks
// each x-wk-signature the way the SDKs verify it, so the rehearsal also exercises webhook delivery under load.

import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '../mock/webhooks/dispatcher.ts';

export interface WebhookSink {
  url: string;
  counts(): { received: number; bad_signatures: number; by_type: Record<string, number> };
  close(): Promise<void>;
}

export async function startWebhookSink(secret: string): Promise<WebhookSink> {
  let received = 0;
  let bad = 0;
  const byType: Record<string, number> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-wk-timestamp'] ?? '');
      const expected = Buffer.from(signWebhook(secret, body, timestamp));
      const given = Buffer.from(String(req.headers['x-wk-signature'] ?? ''));
      received++;
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) bad++;
      let type = 'unparsable';
      try {
        type = String((JSON.parse(body) as { event_type?: unknown }).event_type);
      } catch {
        // Counted under "unparsable": the count is the finding.
      }
      byType[type] = (byType[type] ?? 0) + 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    counts: () => ({ received, bad_signatures: bad, by_type: { ...byType } }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
