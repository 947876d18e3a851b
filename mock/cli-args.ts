// Command-line arguments of npm run mock: parsed and checked, each mistake one precise message.

import { parseCommandArgs, UsageError } from '../lib/cli.ts';
import { CLI_SETTLE_MS, LATENCY_PROFILES, type LatencyRange, type MockOptions } from './options.ts';
import { SANDBOX_LIKE, sandboxLikeHelp } from './sandbox-like.ts';
import { isHttpUrl } from './webhooks/control.ts';
import { DEFAULT_WEBHOOK_SECRET } from './webhooks/dispatcher.ts';

export const HELP = `Usage: npm run mock -- [options]

Starts the UQPAY Card Issuance mock on loopback and prints its API base URL and credentials.

Options:
  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <n>          seed of the fixture world (default 1, or UQPAY_SEED)
  --rate-limit <n>    requests per account per second (<n> or <n>/s) or per minute (<n>/min) before 429
                      (default: off)
  --latency <p>       latency profile: none, sandbox, or <min>-<max> milliseconds (default none)
  --fault-rate <r>    probability 0–1 that any API request answers api_error 500 (default 0)
  --token-ttl <s>     access-token lifetime in seconds (default 1800)
  --settle-ms <n>     how long new cards, assigned cards and third-party KYC stay PENDING
                      (default ${CLI_SETTLE_MS}, sandbox-like; 0 settles at once)
  --webhook-url <u>   POST published events (card.create.succeeded, …) to this URL (default: log only)
  --webhook-secret <s> secret of the x-wk-signature HMAC (default MOCK_WEBHOOK_SECRET or ${DEFAULT_WEBHOOK_SECRET})
  --sandbox-like      behave like the vendor's sandbox, for a dress rehearsal of a sandbox run (options given
                      as well override these):
${sandboxLikeHelp()}
  --write-env <file>  write UQPAY_BASE_URL, the credentials and every UQPAY_FIXTURE_* setting to <file>
  -h, --help          show this help

Control surface: GET <origin>/__mock lists the mock-only routes (fixtures, faults, clock).`;

function number(value: string | undefined, name: string, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || !check(parsed))
    throw new UsageError(`invalid --${name}: ${value}`);
  return parsed;
}

function latency(value: string | undefined): LatencyRange | null | undefined {
  if (value === undefined) return undefined;
  if (value in LATENCY_PROFILES) return LATENCY_PROFILES[value] ?? null;
  const range = value.match(/^(\d+)-(\d+)$/u);
  if (!range || Number(range[1]) > Number(range[2]))
    throw new UsageError(`invalid --latency: ${value} (none, sandbox or <min>-<max>)`);
  return { minMs: Number(range[1]), maxMs: Number(range[2]) };
}

/** A per-account limit: "<n>" or "<n>/s" per second, "<n>/min" per minute. */
function rateLimit(value: string | undefined): { limit: number; windowMs: number } | undefined {
  if (value === undefined) return undefined;
  const match = value.match(/^([1-9]\d{0,8})(?:\/(s|min))?$/u);
  if (!match) throw new UsageError(`invalid --rate-limit: ${value} (<n>, <n>/s or <n>/min)`);
  return { limit: Number(match[1]), windowMs: match[2] === 'min' ? 60_000 : 1000 };
}

export type MockCliOptions = Partial<MockOptions> & {
  /** --write-env: where to write the settings a sandbox-style run reads. */
  writeEnv?: string;
};

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'rate-limit': { type: 'string' },
  latency: { type: 'string' },
  'fault-rate': { type: 'string' },
  'token-ttl': { type: 'string' },
  'settle-ms': { type: 'string' },
  'webhook-url': { type: 'string' },
  'webhook-secret': { type: 'string' },
  'sandbox-like': { type: 'boolean' },
  'write-env': { type: 'string' },
} as const;

export function parseMockArgs(argv: readonly string[], env: Record<string, string | undefined>): MockCliOptions {
  const args = parseCommandArgs({ help: HELP, options: OPTIONS }, argv);
  const preset = args.flag('sandbox-like') ? SANDBOX_LIKE : {};
  const limit = rateLimit(args.text('rate-limit'));
  const options: MockCliOptions = {
    globalRateLimit: null,
    settleMs: CLI_SETTLE_MS,
    ...preset,
    ...(limit ? { globalRateLimit: limit.limit, rateLimitWindowMs: limit.windowMs } : {}),
    port: number(args.text('port'), 'port', (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 4010,
    seed: number(args.text('seed') ?? env.UQPAY_SEED, 'seed', Number.isSafeInteger) ?? 1,
    faultRate: number(args.text('fault-rate'), 'fault-rate', (n) => n >= 0 && n <= 1) ?? 0,
    tokenTtlSeconds: number(args.text('token-ttl'), 'token-ttl', (n) => Number.isInteger(n) && n > 0) ?? 1800,
  };
  const settle = number(args.text('settle-ms'), 'settle-ms', (n) => Number.isInteger(n) && n >= 0);
  if (settle !== undefined) options.settleMs = settle;
  const writeEnv = args.text('write-env');
  if (writeEnv === '') throw new UsageError('invalid --write-env: empty');
  if (writeEnv !== undefined) options.writeEnv = writeEnv;
  const webhookUrl = args.text('webhook-url');
  if (webhookUrl !== undefined && !isHttpUrl(webhookUrl)) throw new UsageError(`invalid --webhook-url: ${webhookUrl}`);
  if (webhookUrl !== undefined) options.webhookUrl = webhookUrl;
  const secret = args.text('webhook-secret') ?? env.MOCK_WEBHOOK_SECRET;
  if (secret === '') throw new UsageError('invalid --webhook-secret: empty');
  if (secret !== undefined) options.webhookSecret = secret;
  const host = args.text('host');
  if (host !== undefined) options.host = host;
  const range = latency(args.text('latency'));
  if (range !== undefined) options.latency = range;
  if (env.MOCK_CLIENT_ID) options.clientId = env.MOCK_CLIENT_ID;
  if (env.MOCK_API_KEY) options.apiKey = env.MOCK_API_KEY;
  return options;
}
