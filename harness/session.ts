// One conformance session against one target: the HTTP client, the fixture provider for that kind of target, the
// seeded data factory, shared arranged state, and the passive-conformance log of undocumented answers.

import { loadCatalog } from '../catalog/load.ts';
import type { FixtureProvider } from '../contract/fixture-provider.ts';
import type { Observed, RequestSpec, TargetKind } from '../contract/request.ts';
import { DataFactory } from '../generators/data.ts';
import { SharedState } from '../generators/shared.ts';
import { ArrangeError } from '../generators/types.ts';
import { resendWhileTrouble, statusAndCode } from './answer-body.ts';
import { ApiClient } from './client.ts';
import { remoteCredentials } from './config.ts';
import { EnvFixtures, MockFixtures } from './fixtures.ts';
import { matchCatalog } from './judge.ts';
import { Ledger } from './ledger.ts';
import { ledgerObserver } from './ledger-observer.ts';
import { recorder, startRecording } from './recorder.ts';
import { redactText, redactValue } from './redact.ts';
import type { RunEnvironment } from './run-scenario.ts';
import { type ShapeObservation, ShapeRecorder } from './shapes.ts';

export interface Undocumented {
  operation: string;
  status: number;
  /** The body, redacted (card data, secrets and document contents masked). */
  body: unknown;
}

export interface Session {
  env: RunEnvironment;
  kind: TargetKind;
  /** Error answers that match no catalog entry, seen since the last drain. */
  drainUndocumented(): Undocumented[];
  /** The shape of every answer seen since the last drain (success shapes, redacted error bodies). */
  drainShapes(): ShapeObservation[];
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
  /** The cleanup ledger (JSONL) every created card and unanswered card request is appended to; cleanup reads it. */
  ledgerPath?: string;
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
      ...(options.ledgerPath ? { observer: ledgerObserver(new Ledger(options.ledgerPath)) } : {}),
    },
    catalog.operations,
  );
  let undocumented: Undocumented[] = [];
  const shapes = new ShapeRecorder();
  const onResponse = (observed: Observed, operation: string) => {
    shapes.record(observed, operation);
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
    drainShapes: () => shapes.drain(),
    drainUndocumented: () => {
      const drained = undocumented;
      undocumented = [];
      return drained;
    },
    close: () => {
      recorder()?.flush();
      return client.close();
    },
  };
}

/**
 * An enabled product that issues virtual SGD cards: what the scenarios mean by the "standard" product. List Products
 * is retried like any request; an answer that still is no product list is an error naming it (never "no product",
 * which would turn into skips asking for a fixture). A list without such a product is null: then the setting is due.
 */
async function findStandardProduct(client: ApiClient): Promise<string | null> {
  const spec: RequestSpec = { operation: 'List Products', query: { page_size: '100', page_number: '1' } };
  const answer = await resendWhileTrouble(() => client.send(spec));
  const products = (answer.json as { data?: unknown } | undefined)?.data;
  if (answer.status !== 200 || !Array.isArray(products)) {
    throw new ArrangeError(
      `${spec.operation} (to find a standard product, UQPAY_FIXTURE_PRODUCT_STANDARD being unset) answered ${statusAndCode(answer)}`,
      answer,
    );
  }
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

function credentialsChecked(env: Record<string, string | undefined>): Record<string, string | undefined> {
  remoteCredentials(env);
  return env;
}
