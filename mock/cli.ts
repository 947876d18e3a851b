// npm run mock -- [options]: starts the mock on loopback and prints its base URL and credentials.
// Bad arguments get one line and exit code 2; Ctrl-C stops it cleanly.

import { config as loadDotenv } from 'dotenv';
import { CatalogError } from '../catalog/load.ts';
import { HELP, parseMockArgs, UsageError } from './cli-args.ts';
import { startMock } from './server.ts';

async function main(): Promise<number> {
  let options: ReturnType<typeof parseMockArgs>;
  loadDotenv({ quiet: true });
  try {
    options = parseMockArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`mock: ${error.message} (see npm run mock -- --help)`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  try {
    const mock = await startMock(options);
    const credential = mock.fixtures.credentials.default;
    // Before the banner: whoever reads the banner may signal at once, and a signal with no handler kills outright.
    const stop = () => void mock.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`UQPAY mock listening: ${mock.baseUrl}`);
    console.log(`  UQPAY_BASE_URL=${mock.baseUrl}`);
    console.log(`  client id: ${credential.client_id}   api key: ${credential.api_key}   (mock-only credentials)`);
    console.log(`  seed ${mock.options.seed}; fixtures: ${new URL(mock.baseUrl).origin}/__mock/fixtures; Ctrl-C stops`);
    console.log(
      `  new cards settle after ${mock.options.settleMs} ms (--settle-ms); webhooks: ${mock.options.webhookUrl ?? `logged at ${new URL(mock.baseUrl).origin}/__mock/webhooks (--webhook-url to send)`}`,
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
