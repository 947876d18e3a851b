// What waiting for asynchronous issuing costs the suite's arrange steps: for each settle time, issue cards the way
// arrange steps do (generators/arrange.ts newCard: Create Card, then poll Retrieve Card until ACTIVE) against an
// in-process mock, and record requests and wall time per card. Appends one JSON line per settle time to
// bench/settle-wait.jsonl. npm run bench:settle [-- --cards N] [--no-record]

import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { newCard } from '../generators/arrange.ts';
import { contextFor } from '../harness/run-scenario.ts';
import { scriptArgs } from '../lib/cli.ts';
import { BUILT_IN_SETTLE_MS, CLI_SETTLE_MS } from '../mock/options.ts';
import { mockEnvironment } from '../test/__helpers__/mock-env.ts';

const RESULTS = new URL('./settle-wait.jsonl', import.meta.url);
const HELP = `Usage: npm run bench:settle -- [--cards 40] [--no-record]

Requests and wall time per card issued the way arrange steps do, for each settle time; lines in
bench/settle-wait.jsonl.`;

const values = scriptArgs(
  'bench:settle',
  HELP,
  { cards: { type: 'string' }, 'no-record': { type: 'boolean' } },
  { cards: { valid: (v) => /^[1-9]\d*$/u.test(v), problem: (v) => `invalid --cards: ${v}` } },
);
const cards = Number(values.cards ?? 40);

for (const settleMs of [0, BUILT_IN_SETTLE_MS, CLI_SETTLE_MS]) {
  // Sandbox-like settling takes seconds per card: a few cards tell the story.
  const count = settleMs >= 1000 ? Math.min(cards, 3) : cards;
  const harness = await mockEnvironment({ settleMs });
  const ctx = contextFor(harness.env);
  await newCard(ctx); // warm-up: token, cardholder, JIT
  const before = harness.env.client.requestCount;
  const started = performance.now();
  for (let i = 0; i < count; i++) await newCard(ctx);
  const ms = performance.now() - started;
  const requests = harness.env.client.requestCount - before;
  await harness.close();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    load_before: Number(loadavg()[0]?.toFixed(2)),
    settle_ms: settleMs,
    cards: count,
    requests_per_card: Number((requests / count).toFixed(2)),
    ms_per_card: Number((ms / count).toFixed(1)),
  };
  console.log(JSON.stringify(result));
  if (!values['no-record']) appendFileSync(RESULTS, `${JSON.stringify(result)}\n`);
}
