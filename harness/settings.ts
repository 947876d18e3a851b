// Reads the run's settings once: the environment plus a .env file (which never overrides the environment), checked
// into a RunConfig, and the UQPAY_* settings that credentials and fixtures of a non-mock target are read from.

import { randomInt } from 'node:crypto';
import { config as loadDotenv } from 'dotenv';
import { loadRunConfig, type RunConfig } from './config.ts';

export interface RunSettings {
  config: RunConfig;
  /** UQPAY_* settings (credentials, UQPAY_FIXTURE_*), from the environment and the .env file. */
  settings: Record<string, string>;
}

/** The environment plus envFile (a missing file adds nothing; the environment wins), unchecked; nothing is written. */
export function readEnvironment(envFile: string, processEnv: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...processEnv };
  loadDotenv({ quiet: true, path: envFile, processEnv: env });
  return env;
}

/**
 * Throws ConfigError on the first mistake. The process environment is read, never written. `overrides` win over both
 * the environment and the file (npm run cleanup: the ledger's target).
 */
export function readRunSettings(
  envFile: string,
  processEnv: NodeJS.ProcessEnv = process.env,
  overrides: Record<string, string> = {},
): RunSettings {
  const env = { ...readEnvironment(envFile, processEnv), ...overrides };
  const config = loadRunConfig(env, () => randomInt(1, 2 ** 31));
  const settings = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('UQPAY_') && e[1] !== undefined),
  );
  return { config, settings };
}

/**
 * The seed a mock-only command (npm run selfcheck, npm run export) uses when --seed is absent: UQPAY_SEED from the
 * environment or envFile, else null. Throws ConfigError as readRunSettings does.
 */
export function settingsSeed(envFile: string, processEnv: NodeJS.ProcessEnv = process.env): number | null {
  const { config } = readRunSettings(envFile, processEnv);
  return config.seedFixed ? config.seed : null;
}
