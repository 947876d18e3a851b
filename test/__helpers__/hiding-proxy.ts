// A proxy in front of a mock that hides it: /__mock* answers 404, so the suite takes the target for a sandbox-like
// "other" host (env credentials, pacing, cleanup). It can hold back the answers of chosen requests past the client's
// timeout while still forwarding them, so the target acts on a request whose answer never arrives.

import { createServer, request, type Server } from 'node:http';

export interface HidingProxy {
  baseUrl: string;
  /** Answers held back (requests forwarded, answers never delivered in time). */
  held: number;
  close(): Promise<void>;
}

export interface HidingProxyOptions {
  /** Hold the answer of requests this matches for holdMs before passing it on. */
  hold?: { matches: (method: string, path: string) => boolean; holdMs: number; count?: number };
  /** Rewrite an answer (a hostile or broken intermediary): return the new status and body, or null to keep it. */
  rewrite?: (method: string, path: string, status: number, body: string) => { status: number; body: string } | null;
}

export async function startHidingProxy(targetBaseUrl: string, options: HidingProxyOptions = {}): Promise<HidingProxy> {
  const target = new URL(targetBaseUrl);
  const timers = new Set<NodeJS.Timeout>();
  const proxy: HidingProxy = { baseUrl: '', held: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/__mock')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let status = answer.statusCode ?? 502;
          let body = Buffer.concat(chunks);
          const rewritten = options.rewrite?.(req.method ?? '', path, status, body.toString('utf8'));
          if (rewritten) {
            status = rewritten.status;
            body = Buffer.from(rewritten.body);
          }
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          const deliver = () => {
            if (!res.destroyed) res.writeHead(status, headers).end(body);
          };
          const hold = options.hold;
          if (hold?.matches(req.method ?? '', path) && proxy.held < (hold.count ?? Number.POSITIVE_INFINITY)) {
            proxy.held++;
            const timer = setTimeout(() => {
              timers.delete(timer);
              deliver();
            }, hold.holdMs);
            timers.add(timer);
          } else deliver();
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
