// One conformance session against one target: the HTTP client, the fixture provider for that kind of target, the
// seeded data factory, shared arranged state, and the passive-conformance log of undocumented answers. Answers are
// recorded on the case that received them (harness/case-answers.ts); shared arranged state on its own log.

import { type Catalog, loadCatalog } from '../catalog/load.ts';
import type { FixtureProvider } from '../contract/fixture-provider.ts';
import type { Observed, RequestSpec, TargetKind } from '../contract/request.ts';
import { DataFactory } from '../generators/data.ts';
import { SharedState } from '../generators/shared.ts';
import { ArrangeError } from '../generators/types.ts';
import { type RetryPause, resendWhileTrouble, statusAndCode } from './answer-body.ts';
import { attributeTo, CaseAnswers, currentAnswers, sharedOwner, type Undocumented } from './case-answers.ts';
import { ApiClient } from './client.ts';
import { remoteCredentials } from './config.ts';
import { EnvFixtures, MockFixtures } from './fixtures.ts';
import { matchCatalog } from './judge.ts';
import { Ledger } from './ledger.ts';
import { ledgerObserver } from './ledger-observer.ts';
import { recorder, startRecording } from './recorder.ts';
import { redactText, redactValue } from './redact.ts';
import type { RunEnvironment } from './run-scenario.ts';
import { observe, type ShapeObservation } from './shapes.ts';

export type { Undocumented } from './case-answers.ts';

/** What the build of one shared value (generators/shared.ts) sent and received; no case owns it. */
export interface SharedAnswers {
  /** "shared arrange <key>": the seen_in of its undocumented answers. */
  source: string;
  requests: number;
  polls: number;
  undocumented: Undocumented[];
  shapes: ShapeObservation[];
}

export interface Session {
  env: RunEnvironment;
  kind: TargetKind;
  /** Error answers that match no catalog entry, seen outside any case and shared arrange since the last drain. */
  drainUndocumented(): Undocumented[];
  /** The shape of every answer seen outside any case and shared arrange since the last drain. */
  drainShapes(): ShapeObservation[];
  /** The shared values built so far and what their builds sent and received, by key. */
  sharedAnswers(): SharedAnswers[];
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
  /** The UQPAY_* settings (harness/settings.ts): credentials, fixtures, UQPAY_RECORD_REQUESTS; none when absent. */
  env?: Record<string, string | undefined>;
  /** The cleanup ledger (JSONL) every created card and unanswered card request is appended to; cleanup reads it. */
  ledgerPath?: string;
  /**
   * The target starts empty for this run (the built-in mock): unique values and idempotency keys derive from the
   * seed too, so the same seed replays byte for byte. Otherwise they carry a random nonce (a lasting target keeps
   * earlier runs' cardholders and keys).
   */
  freshTarget?: boolean;
  /** How retries wait their backoff (ClientConfig.retryPause); a real timer when absent. */
  retryPause?: RetryPause;
}

export function createSession(options: SessionOptions): Session {
  const catalog = loadCatalog();
  const settings = options.env ?? {};
  startRecording(options.kind, settings.UQPAY_RECORD_REQUESTS);
  let client: ApiClient | undefined;
  const fixtures = fixturesFor(options, settings, () => client);
  const ledger = options.ledgerPath ? new Ledger(options.ledgerPath) : undefined;
  client = sessionClient(options, fixtures, catalog, ledger);
  const outside = new CaseAnswers();
  const shared = new Map<string, CaseAnswers>();
  const data = new DataFactory(options.seed, options.freshTarget ? seededNonce(options.seed) : undefined);
  return {
    kind: options.kind,
    env: {
      catalog,
      client,
      fixtures,
      data,
      shared: sharedState(data, shared),
      target: options.kind,
      onResponse: answerRecorder(catalog, outside),
    },
    drainShapes: () => outside.shapes.splice(0),
    drainUndocumented: () => outside.undocumented.splice(0),
    sharedAnswers: () =>
      [...shared]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, { requests, polls, undocumented, shapes }]) => ({
          source: sharedOwner(key),
          requests,
          polls,
          undocumented,
          shapes,
        })),
    close: async () => {
      recorder()?.flush();
      await client.close();
      ledger?.close();
    },
  };
}

/** A mock's fixtures come from its control surface; any other target's from the settings (credentials required). */
function fixturesFor(
  options: SessionOptions,
  settings: Record<string, string | undefined>,
  client: () => ApiClient | undefined,
): FixtureProvider {
  if (options.kind === 'mock') return new MockFixtures(options.baseUrl);
  return new EnvFixtures(credentialsChecked(settings), () => {
    const ready = client();
    return ready ? findStandardProduct(ready) : Promise.resolve(null);
  });
}

function sessionClient(
  options: SessionOptions,
  fixtures: FixtureProvider,
  catalog: Catalog,
  ledger: Ledger | undefined,
): ApiClient {
  return new ApiClient(
    {
      baseUrl: options.baseUrl,
      credential: (name) => fixtures.credential(name),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.requestBudget ? { requestBudget: options.requestBudget } : {}),
      ...(options.maxPerSecond ? { maxPerSecond: options.maxPerSecond } : {}),
      ...(ledger ? { observer: ledgerObserver(ledger) } : {}),
      ...(options.retryPause ? { retryPause: options.retryPause } : {}),
    },
    catalog.operations,
  );
}

/** Records each answer's shape and each undocumented error on its owner: a case, a shared build, else outside. */
function answerRecorder(catalog: Catalog, outside: CaseAnswers): NonNullable<RunEnvironment['onResponse']> {
  return (observed: Observed, operation: string, poll = false) => {
    const owner = currentAnswers() ?? outside;
    const undocumented = observed.status >= 400 && matchCatalog(catalog, observed).length === 0;
    // How many status polls a wait takes is timing by nature: their documented answers do not count as shapes.
    if (!poll || undocumented) owner.shapes.push(observe(observed, operation));
    if (!undocumented) return;
    owner.undocumented.push({
      operation,
      status: observed.status,
      body: observed.json === undefined ? redactText(observed.text.slice(0, 500)) : redactValue(observed.json),
    });
  };
}

/** Shared arranged values whose requests belong to the value, not to whichever case happened to need it first. */
function sharedState(data: DataFactory, shared: Map<string, CaseAnswers>): SharedState {
  const buildsOf = new Map<string, number>();
  return new SharedState((key, make) => {
    // A failed build is tried again by the next case that needs it: with data of its own (unique values).
    const builds = (buildsOf.get(key) ?? 0) + 1;
    buildsOf.set(key, builds);
    const name = `${key}${builds > 1 ? ` (build ${builds})` : ''}`;
    const answers = new CaseAnswers(data.fork(sharedOwner(name)), sharedOwner(name));
    shared.set(name, answers);
    return attributeTo(answers, make);
  });
}

/**
 * An enabled product that issues virtual SGD cards: what the scenarios mean by the "standard" product. List Products
 * is retried like any request; an answer that still is no product list is an error naming it (never "no product",
 * which would turn into skips asking for a fixture). A list without such a product is null: then the setting is due.
 */
async function findStandardProduct(client: ApiClient): Promise<string | null> {
  const spec: RequestSpec = { operation: 'List Products', query: { page_size: '100', page_number: '1' } };
  const answer = await resendWhileTrouble(() => client.send(spec), undefined, client.pauseBeforeRetry);
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

/** The nonce a fresh target gets: derived from the seed, so the same seed sends the same values. */
function seededNonce(seed: number): number {
  return Math.floor(seed * 2654435761) % 2 ** 40;
}

function credentialsChecked(env: Record<string, string | undefined>): Record<string, string | undefined> {
  remoteCredentials(env);
  return env;
}
