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
  /** Error answers that match no catalog entry, seen since the last drain. */
  drainUndocumented(): Undocumented[];
  close(): Promise<void>;
}

export interface SessionOptions {
  baseUrl: string;
  kind: TargetKind;
  seed: number;
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
}

export function createSession(options: SessionOptions): Session {
  const catalog = loadCatalog();
  const processEnv = options.env ?? process.env;
  const fixtures: FixtureProvider =
    options.kind === 'mock' ? new MockFixtures(options.baseUrl) : new EnvFixtures(credentialsChecked(processEnv));
  const client = new ApiClient(
    {
      baseUrl: options.baseUrl,
      credential: (name) => fixtures.credential(name),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
    catalog.operations,
  );
  let undocumented: Undocumented[] = [];
  const onResponse = (observed: Observed, operation: string) => {
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
    close: () => client.close(),
  };
}

function credentialsChecked(env: Record<string, string | undefined>): Record<string, string | undefined> {
  remoteCredentials(env);
  return env;
}
