// npm run mock -- --sandbox-like: the mock set up to behave, from a client's side, like the vendor's sandbox, so a
// sandbox-style run (the suite's pacing, concurrency and UQPAY_FIXTURE_* settings) can be rehearsed on loopback.
// Each setting names where its figure comes from; the sources are in /work/shared/reference/uqpay-api.md (§ 2, § 8).
// Explicit options given with --sandbox-like (--latency, --rate-limit, --settle-ms, …) override these.

import type { MockOptions } from './options.ts';

export interface SandboxSetting {
  option: string;
  value: string;
  /** What it stands for, and where the figure comes from (or that it is an assumption). */
  why: string;
}

/** The settings of --sandbox-like, for --help, the start banner and mock/README.md. */
export const SANDBOX_LIKE_SETTINGS: readonly SandboxSetting[] = [
  {
    option: 'latency',
    value: '150 ms on every API call and token mint',
    why: 'a round trip from a CI runner to the remote sandbox; an assumption (the vendor publishes no figure)',
  },
  {
    option: 'rate limit',
    value: '500 requests per account in any 60 s (sliding window), then 429 with Retry-After',
    why: "the sandbox's 500/min for non-token calls (Java SDK config/Environment.java); the window shape is an assumption, the strictest reading",
  },
  {
    option: 'token rate limit',
    value: '60 mints per client id in any 60 s, then 429',
    why: "the sandbox's token endpoint limit (Java SDK DefaultTokenProvider.java / Environment.java comments)",
  },
  {
    option: 'one active token',
    value: 'a new mint supersedes the client’s older tokens (general.b.login_expired)',
    why: 'the vendor’s integration FAQ; the mock always behaves so, listed here because a rehearsal depends on it',
  },
  {
    option: 'asynchronous issuing',
    value: 'new and assigned cards, and third-party KYC, stay PENDING for 2,000 ms',
    why: 'create → PENDING → ACTIVE is documented (card lifecycle guide); the 2 s is an assumption, no figure is published',
  },
  {
    option: 'webhooks',
    value: 'card.create.succeeded and the other documented events, signed (x-wk-signature), POSTed to --webhook-url',
    why: 'the documented events and signature (SDK webhook helpers); without --webhook-url they are only logged',
  },
  {
    option: 'no control surface',
    value: '/__mock/* answers 404; fixtures come from --write-env as UQPAY_FIXTURE_* settings',
    why: 'the sandbox has none, so the suite sees a non-mock target and runs with its sandbox defaults',
  },
];

/** The options --sandbox-like sets (see SANDBOX_LIKE_SETTINGS for why). */
export const SANDBOX_LIKE: Readonly<Partial<MockOptions>> = {
  latency: { minMs: 150, maxMs: 150 },
  globalRateLimit: 500,
  rateLimitWindowMs: 60_000,
  tokenRateLimit: { limit: 60, windowMs: 60_000 },
  settleMs: 2_000,
  controlSurface: false,
};

export function sandboxLikeHelp(): string {
  return SANDBOX_LIKE_SETTINGS.map((s) => `                      - ${s.option}: ${s.value}`).join('\n');
}
