// Run configuration from the environment (and .env): which target, which credentials, which seed. Every mistake
// becomes one ConfigError with a precise message; the CLI prints it and exits 2.

import type { TargetKind } from '../contract/request.ts';
import { checkHost } from './host-guard.ts';

/** How many times an environment failure is retried when the run does not say (--retries-on-error). */
export const DEFAULT_RETRIES_ON_ERROR = 2;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Where the target comes from: the built-in mock this run starts, or a base URL (the vendor sandbox, a mock started
 * with npm run mock, or another stand-in). Which kind of target that is (`TargetKind`) is known once it answers.
 */
export type TargetSetting = { builtIn: true } | { builtIn: false; baseUrl: string };

export interface RunConfig {
  target: TargetSetting;
  seed: number;
  timeoutMs: number;
  /** Seed given explicitly (UQPAY_SEED) rather than drawn at random. */
  seedFixed: boolean;
  /** UQPAY_REQUEST_BUDGET: most requests a run may send; null for no limit. */
  requestBudget: number | null;
  /** UQPAY_MAX_RPS: requests per second; null for the default (none on a mock, 8/s elsewhere), 0 for no pacing. */
  maxPerSecond: number | null;
}

/** The sandbox allows about 500 requests a minute; stay under it unless told otherwise. */
export const DEFAULT_REMOTE_MAX_RPS = 8;

export function loadRunConfig(env: Record<string, string | undefined>, randomSeed: () => number): RunConfig {
  const rawUrl = env.UQPAY_BASE_URL?.trim() ?? '';
  const target: TargetSetting =
    rawUrl === '' ? { builtIn: true } : { builtIn: false, baseUrl: checkBaseUrl(rawUrl, env) };
  const seedText = env.UQPAY_SEED?.trim() ?? '';
  if (seedText !== '' && !/^\d{1,15}$/u.test(seedText)) {
    throw new ConfigError(`UQPAY_SEED must be a whole number (got "${seedText}")`);
  }
  const timeoutText = env.UQPAY_TIMEOUT_MS?.trim() ?? '';
  if (timeoutText !== '' && !(/^\d+$/u.test(timeoutText) && Number(timeoutText) >= 100)) {
    throw new ConfigError(`UQPAY_TIMEOUT_MS must be a number of milliseconds ≥ 100 (got "${timeoutText}")`);
  }
  return {
    target,
    requestBudget: wholeNumber(env, 'UQPAY_REQUEST_BUDGET', 1),
    maxPerSecond: wholeNumber(env, 'UQPAY_MAX_RPS', 0),
    seed: seedText === '' ? randomSeed() : Number(seedText),
    seedFixed: seedText !== '',
    timeoutMs: timeoutText === '' ? 30_000 : Number(timeoutText),
  };
}

function wholeNumber(env: Record<string, string | undefined>, name: string, min: number): number | null {
  const text = env[name]?.trim() ?? '';
  if (text === '') return null;
  if (!/^\d{1,9}$/u.test(text) || Number(text) < min)
    throw new ConfigError(`${name} must be a whole number ≥ ${min} (got "${text}")`);
  return Number(text);
}

/** Pacing for a target: an explicit UQPAY_MAX_RPS (0 = none), else none on a mock and the default elsewhere. */
export function pacingFor(kind: TargetKind, maxPerSecond: number | null): number | undefined {
  if (maxPerSecond !== null) return maxPerSecond === 0 ? undefined : maxPerSecond;
  return kind === 'mock' ? undefined : DEFAULT_REMOTE_MAX_RPS;
}

function checkBaseUrl(raw: string, env: Record<string, string | undefined>): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`UQPAY_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`UQPAY_BASE_URL must be http or https (got ${url.protocol.replace(':', '')})`);
  }
  // An allowlist (sandbox, loopback, UQPAY_ALLOW_HOSTS): refused here, before any request.
  const host = checkHost(url.hostname, env);
  if (!host.ok) throw new ConfigError(host.reason);
  if (!url.pathname.replace(/\/$/u, '').endsWith('/api')) {
    throw new ConfigError(
      `UQPAY_BASE_URL must be the API base as the vendor gives it, ending in /api (e.g. https://api-sandbox.uqpaytech.com/api); got "${raw}"`,
    );
  }
  return raw.replace(/\/$/u, '');
}

/** The kind of target a base URL names, for reports and for choosing how fixtures are found. */
export function targetKind(baseUrl: string, answersMockControl: boolean): TargetKind {
  if (answersMockControl) return 'mock';
  return new URL(baseUrl).hostname.includes('sandbox') ? 'sandbox' : 'other';
}

/** Credentials for a remote target that is not a mock: both are required. */
export function remoteCredentials(env: Record<string, string | undefined>): { clientId: string; apiKey: string } {
  const clientId = env.UQPAY_CLIENT_ID?.trim() ?? '';
  const apiKey = env.UQPAY_API_KEY?.trim() ?? '';
  const missing = [clientId ? null : 'UQPAY_CLIENT_ID', apiKey ? null : 'UQPAY_API_KEY'].filter(Boolean);
  if (missing.length) throw new ConfigError(`UQPAY_BASE_URL is set, so ${missing.join(' and ')} must be set too`);
  return { clientId, apiKey };
}
