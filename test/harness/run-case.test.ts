// Case-level retries (harness/run-case.ts): a case whose environment failed runs again from a fresh arrange, with a
// new mock scope and new idempotency keys, up to the limit; a contract failure never runs again. The first attempt's
// answers are spoiled by a hook on the mock that knows that attempt's scope (derived from the seed and the title).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPE_HEADER } from '../../contract/faults.ts';
import { allScenarios } from '../../generators/index.ts';
import type { Scenario } from '../../generators/types.ts';
import { MockFixtures } from '../../harness/fixtures.ts';
import { runCase } from '../../harness/run-case.ts';
import { newScope } from '../../harness/scope.ts';
import { createSession, type Session } from '../../harness/session.ts';
import { createMock } from '../../mock/server.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';

const SEED = 31;
const titles = scenarioTitles(allScenarios);
const mockFixtures = new MockFixtures('http://127.0.0.1:1/api');

type Spoil = (status: number, body: string) => { status: number; body: string } | null;
/** Per first-attempt scope: how its answers are spoiled. */
const spoiled = new Map<string, Spoil>();
/** Every scope that sent an API request, in order. */
const scopesSeen: string[] = [];
let session: Session;
let close: () => Promise<unknown>;

beforeAll(async () => {
  const mock = createMock({ seed: SEED, settleMs: 3 });
  mock.app.addHook('onSend', async (req, reply, payload) => {
    const scope = req.headers[SCOPE_HEADER];
    if (typeof scope !== 'string' || !req.url.startsWith('/api/')) return payload;
    scopesSeen.push(scope);
    const spoil = spoiled.get(scope)?.(reply.statusCode, String(payload));
    if (!spoil) return payload;
    reply.code(spoil.status);
    return spoil.body;
  });
  await mock.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = mock.app.server.address() as { port: number };
  session = createSession({ baseUrl: `http://127.0.0.1:${port}/api`, kind: 'mock', seed: SEED, freshTarget: true });
  close = () => Promise.all([session.close(), mock.app.close()]);
});
afterAll(() => close());

function scenario(operation: string, entry: string): { scenario: Scenario; title: string } {
  const found = allScenarios.find((s) => s.operation === operation && s.entry === entry);
  if (!found) throw new Error(`no scenario ${operation} › ${entry}`);
  return { scenario: found, title: titles.get(found) ?? entry };
}

/** The scope the case's first attempt sends with: the hook spoils only that attempt. */
function spoilFirstAttempt(title: string, spoil: Spoil): string {
  const scope = newScope(mockFixtures, SEED, title) ?? '';
  spoiled.set(scope, spoil);
  return scope;
}

const garbled2xx: Spoil = (status) => (status < 300 ? { status: 200, body: '{"card_id": "trunc' } : null);
const internal2xx: Spoil = (status) =>
  status < 300
    ? { status: 500, body: JSON.stringify({ type: 'api_error', code: 'api_error', message: 'injected' }) }
    : null;

describe('a case whose environment failed', () => {
  it('runs again from a fresh arrange and reports the attempt before (flaky)', async () => {
    const { scenario: s, title } = scenario('Retrieve Card', 'card.card_not_found');
    const first = spoilFirstAttempt(title, garbled2xx);
    const run = await runCase(s, session.env, title);
    expect(run.result.outcome).toBe('pass');
    expect(run.earlier).toEqual([
      { outcome: 'error', reason: expect.stringContaining('answered 200'), duration_ms: expect.any(Number) },
    ]);
    // The second attempt sent under a scope of its own.
    const second = scopesSeen.filter(
      (scope) => scope !== first && scope === newScope(mockFixtures, SEED, `${title} (attempt 2)`),
    );
    expect(second.length).toBeGreaterThan(0);
  });

  it('passes when its in-flight duplicate met a fault on the first attempt (request_being_processed)', async () => {
    const { scenario: s, title } = scenario('Create Cardholder', 'general.request_being_processed');
    spoilFirstAttempt(title, internal2xx);
    const run = await runCase(s, session.env, title);
    expect(run.result.outcome).toBe('pass');
    expect(run.earlier).toHaveLength(1);
    expect(run.earlier[0]?.reason).toContain('concurrent copy');
  });

  it('stays an error after the last retry, and retries at most as often as asked', async () => {
    const { scenario: s, title } = scenario('Update Card', 'card.card_not_found');
    for (const attempt of [title, `${title} (attempt 2)`])
      spoiled.set(newScope(mockFixtures, SEED, attempt) ?? '', garbled2xx);
    const run = await runCase(s, session.env, title, 1);
    expect(run.result.outcome).toBe('error');
    expect(run.earlier).toHaveLength(1);
  });
});

describe('a contract failure', () => {
  it('is never run again', async () => {
    const { scenario: s, title } = scenario('Card Recharge', 'card.card_not_found');
    spoilFirstAttempt(title, (status, body) =>
      status >= 400 ? { status, body: body.replace(/"message":"/u, '"message":"~') } : null,
    );
    const run = await runCase(s, session.env, title);
    expect(run.result.outcome).toBe('fail');
    expect(run.earlier).toEqual([]);
    expect(scopesSeen).not.toContain(newScope(mockFixtures, SEED, `${title} (attempt 2)`));
  });
});
