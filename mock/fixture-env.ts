// The mock's seeded fixtures as the UQPAY_* settings a sandbox run reads (README "Fixtures on the sandbox"), for
// npm run mock -- --write-env <file>. With the control surface hidden (--sandbox-like) this file is how a run
// finds them, exactly as a sandbox run finds the vendor's objects in its .env.

import { writeFileSync } from 'node:fs';
import type { Fixtures } from '../contract/fixtures.ts';

const upper = (name: string) => name.toUpperCase().replaceAll('-', '_');

/** Every setting harness/fixtures.ts (EnvFixtures) reads, filled from the mock's fixtures. */
export function fixtureSettings(baseUrl: string, fixtures: Fixtures, expiredToken: string): Record<string, string> {
  const { default: own, ...others } = fixtures.credentials;
  const settings: Record<string, string> = {
    UQPAY_BASE_URL: baseUrl,
    UQPAY_CLIENT_ID: own.client_id,
    UQPAY_API_KEY: own.api_key,
  };
  const set = (name: string, value: string | null) => {
    if (value !== null) settings[`UQPAY_FIXTURE_${name}`] = value;
  };
  for (const [name, c] of Object.entries(others)) set(`CREDENTIAL_${upper(name)}`, `${c.client_id}:${c.api_key}`);
  for (const [name, id] of Object.entries(fixtures.products)) set(`PRODUCT_${upper(name)}`, id);
  for (const [name, id] of Object.entries(fixtures.cardholders)) set(`CARDHOLDER_${upper(name)}`, id);
  for (const [name, card] of Object.entries(fixtures.cards)) {
    set(`CARD_${upper(name)}`, card.id);
    set(`CARD_${upper(name)}_ACTIVATION_CODE`, card.activation_code);
  }
  for (const [name, sub] of Object.entries(fixtures.sub_accounts)) {
    set(`SUB_ACCOUNT_${upper(name)}`, sub.id);
    set(`SUB_ACCOUNT_${upper(name)}_CARDHOLDER`, sub.cardholder_id);
    set(`SUB_ACCOUNT_${upper(name)}_CARD`, sub.card_id);
    set(`SUB_ACCOUNT_${upper(name)}_TRANSACTION`, sub.transaction_id);
  }
  set('POOL_CARDS', fixtures.pool.map((c) => `${c.card_number}:${c.activation_code}`).join(','));
  set('UNCONFIGURED_BIN_CARD_NUMBER', fixtures.unconfigured_bin_card_number);
  set('UNPOOLED_CARD_NUMBER', fixtures.unpooled_card_number);
  set('EXPIRED_TOKEN', expiredToken);
  return settings;
}

/** Writes the settings as a .env file, readable by its owner only (it holds the mock's API keys). */
export function writeEnvFile(path: string, settings: Record<string, string>): void {
  const lines = Object.entries(settings).map(([k, v]) => `${k}=${v}`);
  writeFileSync(path, `# written by npm run mock -- --write-env (mock-only values)\n${lines.join('\n')}\n`, {
    mode: 0o600,
  });
}
