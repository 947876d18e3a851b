// npm run mock -- [options]: starts the mock on loopback and prints its base URL and credentials.
// Bad arguments get one line and exit code 2; Ctrl-C stops it cleanly.

import { CatalogError } from '../catalog/load.ts';
import { readEnvironment } from '../harness/settings.ts';
import { HELP, parseMockArgs, UsageError } from './cli-args.ts';
import { fixtureSettings, writeEnvFile } from './fixture-env.ts';
import { sandboxLikeHelp } from './sandbox-like.ts';
import { startMock } from './server.ts';

async function main(): Promise<number> {
  let options: ReturnType<typeof parseMockArgs>;
  try {
    options = parseMockArgs(process.argv.slice(2), readEnvironment('.env'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`mock: ${error.message} (see npm run mock -- --help)`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const { writeEnv, ...mockOptions } = options;
  try {
    const mock = await startMock(mockOptions);
    const credential = mock.fixtures.credentials.default;
    if (writeEnv !== undefined) {
      const expired = mock.services.tokens.mintExpired(credential.client_id) ?? '';
      try {
        writeEnvFile(writeEnv, fixtureSettings(mock.baseUrl, mock.fixtures, expired));
      } catch (error) {
        await mock.close();
        console.error(`mock: cannot write --write-env ${writeEnv}: ${(error as NodeJS.ErrnoException).code ?? error}`);
        return 2;
      }
    }
    // Before the banner: whoever reads the banner may signal at once, and a signal with no handler kills outright.
    // The last line says what was served: with no control surface (--sandbox-like) it is the only count there is.
    const served = () =>
      `mock: served ${mock.stats.requests} requests, ${mock.stats.mints} of them token mints; by status ${JSON.stringify(mock.stats.byStatus)}`;
    const stop = () =>
      void mock.close().then(() => {
        console.log(served());
        process.exit(0);
      });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
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
    return -1;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`mock: port ${options.port} is already in use (try --port 0)`);
    else if (code === 'EADDRNOTAVAIL') console.error(`mock: cannot bind ${options.host}`);
    else if (error instanceof CatalogError) console.error(`mock: ${error.message}`);
    else throw error;
    return 2;
  }
}

const code = await main();
if (code >= 0) process.exitCode = code;
