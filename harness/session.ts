// One conformance session against one target: the HTTP client, the fixture provider for that kind of target, the
// seeded data factory, shared arranged state, and the passive-conformance log of undocumented answers.

import { loadCatalog } from '../catalog/load.ts';
import { DataFactory } from '../generators/data.ts';
import { SharedState } from '../generators/shared.ts';
import type { TargetKind } from '../generators/types.ts';
import { ApiClient, type Observed } from './client.ts';
import { remoteCredentials } from './config.ts';
import { EnvFixtures, type FixtureProvider, MockFixtures } from './fixtures.ts';
import { matchCatalog } from './judge.ts';
import { recorder, startRecording } from './recorder.ts';
import { redactText, redactValue } from './redact.ts';
import type { RunEnvironment } from './run-scenario.ts';

export interface Undocumented {
  operation: string;
  status: number;
  /** The body, redacted (card data, secrets and document contents masked). */
  body: unknown;
}

export interface Session {
  env: RunEnvironment;
  kind: TargetKind;
  /**
   * Cancels every card this session created (Create Card, Assign Card), so a sandbox run leaves no live cards.
   * Cardholders stay: the API has no way to delete them. Returns how many cancellations failed.
   */
  cleanup(): Promise<{ cancelled: number; failed: number }>;
  /** Error answers that match no catalog entry, seen since the last drain. */
  drainUndocumented(): Undocumented[];
  close(): Promise<void>;
}

export interface SessionOptions {
  baseUrl: string;
  kind: TargetKind;
  seed: number;
  timeoutMs?: number;
  /** Most requests the session may send; undefined for no limit. */
  requestBudget?: number;
  /** Requests per second; undefined for no pacing. */
  maxPerSecond?: number;
  env?: Record<string, string | undefined>;
}

export function createSession(options: SessionOptions): Session {
  const catalog = loadCatalog();
  const processEnv = options.env ?? process.env;
  startRecording(options.kind, processEnv.UQPAY_RECORD_REQUESTS);
  let client: ApiClient | undefined;
  const fixtures: FixtureProvider =
    options.kind === 'mock'
      ? new MockFixtures(options.baseUrl)
      : new EnvFixtures(credentialsChecked(processEnv), () =>
          client ? findStandardProduct(client) : Promise.resolve(null),
        );
  client = new ApiClient(
    {
      baseUrl: options.baseUrl,
      credential: (name) => fixtures.credential(name),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.requestBudget ? { requestBudget: options.requestBudget } : {}),
      ...(options.maxPerSecond ? { maxPerSecond: options.maxPerSecond } : {}),
    },
    catalog.operations,
  );
  let undocumented: Undocumented[] = [];
  const created: { cardId: string; onBehalfOf: string | undefined }[] = [];
  const onResponse = (observed: Observed, operation: string) => {
    const body = observed.json as { card_id?: unknown } | undefined;
    if (CREATES_CARDS.has(operation) && observed.status < 300 && typeof body?.card_id === 'string') {
      created.push({ cardId: body.card_id, onBehalfOf: observed.request.headers['x-on-behalf-of'] });
    }
    if (observed.status < 400 || matchCatalog(catalog, observed).length > 0) return;
    undocumented.push({
      operation,
      status: observed.status,
      body: observed.json === undefined ? redactText(observed.text.slice(0, 500)) : redactValue(observed.json),
    });
  };
  return {
    kind: options.kind,
    env: {
      catalog,
      client,
      fixtures,
      data: new DataFactory(options.seed),
      shared: new SharedState(),
      target: options.kind,
      onResponse,
    },
    drainUndocumented: () => {
      const drained = undocumented;
      undocumented = [];
      return drained;
    },
    cleanup: async () => {
      let cancelled = 0;
      let failed = 0;
      for (const { cardId, onBehalfOf } of created.splice(0)) {
        const answer = await client
          .send({
            operation: 'Update Card Status',
            params: { card_id: cardId },
            body: { card_status: 'CANCELLED', update_reason: 'conformance run cleanup' },
            ...(onBehalfOf ? { onBehalfOf } : {}),
          })
          .catch(() => null);
        const alreadyGone = (answer?.json as { message?: unknown } | undefined)?.message === ALREADY_CANCELLING;
        if (answer && (answer.status < 300 || alreadyGone)) cancelled++;
        else failed++;
      }
      return { cancelled, failed };
    },
    close: () => {
      recorder()?.flush();
      return client.close();
    },
  };
}

/** An enabled product that issues virtual SGD cards: what the scenarios mean by the "standard" product. */
async function findStandardProduct(client: ApiClient): Promise<string | null> {
  const answer = await client.send({ operation: 'List Products', query: { page_size: '100', page_number: '1' } });
  const products = (answer.json as { data?: unknown } | undefined)?.data;
  if (answer.status !== 200 || !Array.isArray(products)) return null;
  const usable = products.find(
    (p: Record<string, unknown>) =>
      p.product_status === 'ENABLED' &&
      Array.isArray(p.card_currency) &&
      p.card_currency.includes('SGD') &&
      Array.isArray(p.card_form) &&
      p.card_form.includes('VIR'),
  ) as { product_id?: unknown } | undefined;
  return typeof usable?.product_id === 'string' ? usable.product_id : null;
}

const CREATES_CARDS = new Set(['Create Card', 'Assign Card']);
/** A card a scenario already cancelled answers this; it needs no cleanup. */
const ALREADY_CANCELLING = loadCatalog().entryById.get('card.b.the_card_currently_does_not_support_cancel')?.message;

function credentialsChecked(env: Record<string, string | undefined>): Record<string, string | undefined> {
  remoteCredentials(env);
  return env;
}
