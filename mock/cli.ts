// npm run mock -- [options]: starts the mock on loopback and prints its base URL and credentials.
// Bad arguments get one line and exit code 2; Ctrl-C stops it cleanly (exit 0).

import { CatalogError } from '../catalog/load.ts';
import { readEnvironment } from '../harness/settings.ts';
import { fail, runAsEntry, runCommand } from '../lib/cli.ts';
import { parseMockArgs } from './cli-args.ts';
import { fixtureSettings, writeEnvFile } from './fixture-env.ts';
import { sandboxLikeHelp } from './sandbox-like.ts';
import { startMock } from './server.ts';

/**
 * npm run mock with these arguments: serves until SIGINT/SIGTERM (or `stop` aborts), then closes and resolves to 0;
 * a bad argument or a port in use resolves to 2 at once.
 */
export function main(argv: string[], stop: AbortSignal = stopSignal()): Promise<number> {
  return runCommand('mock', () => serve(argv, stop), [CatalogError]);
}

async function serve(argv: string[], stop: AbortSignal): Promise<number> {
  const { writeEnv, ...options } = parseMockArgs(argv, readEnvironment('.env'));
  const mock = await startMock(options).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${options.port} is already in use (try --port 0)`);
    if (code === 'EADDRNOTAVAIL') fail(`cannot bind ${options.host}`);
    throw error;
  });
  if (writeEnv !== undefined) {
    const credential = mock.fixtures.credentials.default;
    const expired = mock.services.tokens.mintExpired(credential.client_id) ?? '';
    try {
      writeEnvFile(writeEnv, fixtureSettings(mock.baseUrl, mock.fixtures, expired));
    } catch (error) {
      await mock.close();
      fail(`cannot write --write-env ${writeEnv}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  }
  printBanner(mock, writeEnv);
  if (!stop.aborted) await new Promise((resolve) => stop.addEventListener('abort', resolve, { once: true }));
  await mock.close();
  // The last line says what was served: with no control surface (--sandbox-like) it is the only count there is.
  console.log(
    `mock: served ${mock.stats.requests} requests, ${mock.stats.mints} of them token mints; by status ${JSON.stringify(mock.stats.byStatus)}`,
  );
  return 0;
}

/**
 * Aborted by the first SIGINT or SIGTERM. Listening from the start, before the banner: whoever reads the banner may
 * signal at once, and a signal with no handler kills outright.
 */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

function printBanner(mock: Awaited<ReturnType<typeof startMock>>, writeEnv: string | undefined): void {
  const credential = mock.fixtures.credentials.default;
  console.log(`UQPAY mock listening: ${mock.baseUrl}`);
  console.log(`  UQPAY_BASE_URL=${mock.baseUrl}`);
  console.log(`  client id: ${credential.client_id}   api key: ${credential.api_key}   (mock-only credentials)`);
  const origin = new URL(mock.baseUrl).origin;
  const fixtures = mock.options.controlSurface ? `${origin}/__mock/fixtures` : 'no control surface (--write-env)';
  console.log(`  seed ${mock.options.seed}; fixtures: ${fixtures}; Ctrl-C stops`);
  if (writeEnv !== undefined) console.log(`  settings for a sandbox-style run written to ${writeEnv}`);
  if (!mock.options.controlSurface) console.log(`  sandbox-like:\n${sandboxLikeHelp()}`);
  console.log(
    `  new cards settle after ${mock.options.settleMs} ms (--settle-ms); webhooks: ${mock.options.webhookUrl ?? (mock.options.controlSurface ? `logged at ${origin}/__mock/webhooks (--webhook-url to send)` : 'not sent (--webhook-url to send)')}`,
  );
}

await runAsEntry(import.meta.url, main);
