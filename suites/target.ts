// The one typed handover of the target: the conformance project's global setup (global-setup.ts) resolves the
// configuration, runs the preflight and opens the run's ledger once, in the main process, and provides this; the
// suite reads it with inject('conformanceTarget'), the reporter and the CLI with the project's provided context.

import type { TargetKind } from '../contract/request.ts';
import type { RunSettings } from '../harness/settings.ts';
import type { Selection } from './selection.ts';
import type { ExpectedTarget } from './target-guards.ts';

export interface ConformanceTarget {
  /** The API base, ending in /api. */
  baseUrl: string;
  kind: TargetKind;
  seed: number;
  /** The seed was given (UQPAY_SEED) rather than drawn at random. */
  seedFixed: boolean;
  timeoutMs: number;
  /** Requests per second after the defaults (none on a mock, 8 elsewhere); null for no pacing. */
  maxPerSecond: number | null;
  /** UQPAY_REQUEST_BUDGET; null for no limit. */
  requestBudget: number | null;
  /** The UQPAY_* settings (credentials, UQPAY_FIXTURE_*) the fixtures of a target that is not a mock are read from. */
  settings: Record<string, string>;
  /** When the target was resolved (ISO 8601): the run's start in the reports. */
  startedAt: string;
  /** The run's ledger of created cards (JSONL in the reports folder), written as the run goes. */
  ledgerPath: string;
  /** Cases run at once (test.concurrent, capped by vitest's maxConcurrency). */
  concurrency: number;
  /** --only and --shard: the cases this run keeps. */
  selection: Selection;
  /** --bail: stop after this many cases failed or errored; null never. */
  bail: number | null;
  /** --retries-on-error: how many times a case whose environment failed runs again from a fresh arrange. */
  retriesOnError: number;
  /** The target started empty for this run (the built-in mock): the same seed sends the same values. */
  freshTarget: boolean;
}

/** What npm run conformance hands the global setup: the settings it already read and its own options. */
export interface ConformanceRun extends RunSettings {
  /** --mock-faults: share of the built-in mock's requests that meet background faults; null for none. */
  mockFaults: number | null;
  /** Absolute path of the reports folder (the ledger goes there too). */
  reportsDir: string;
  /** --concurrency, or the target's default (suites/concurrency.ts). */
  concurrency: number;
  selection: Selection;
  bail: number | null;
  /** --retries-on-error (harness/run-case.ts). */
  retriesOnError: number;
  /** --expect-target, checked again once the target is resolved. */
  expectTarget: ExpectedTarget;
  /** The kind of target the --baseline ran against; null without a baseline. */
  baselineTarget: string | null;
  /** The built-in mock npm run conformance started on a thread of its own, while vitest loaded. */
  builtinMockUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformanceTarget: ConformanceTarget;
    /** Set by npm run conformance (environment, --env file, options); absent when vitest runs directly. */
    conformanceRun?: ConformanceRun;
  }
}
