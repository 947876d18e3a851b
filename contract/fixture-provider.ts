// What a scenario may ask of the target's fixtures: named states a request alone cannot create, and armed faults.
// The harness implements it for a mock (its /__mock control surface) and for any other target (UQPAY_FIXTURE_*).

import type { FaultSpec } from './faults.ts';
import type {
  CardholderName,
  CardName,
  Credential,
  CredentialName,
  ProductName,
  SubAccountFixture,
  SubAccountName,
} from './fixtures.ts';

/** How a skip says only a mock can provide what the case needs; reports call such cases "not applicable". */
export const MOCK_ONLY_FIXTURE = 'which only the built-in mock can provide';

/**
 * What kind of skip a case is, as data (the reports group and classify by these fields, never by the reason text):
 * a fixture a setting provides (`setting` names it), a state only a mock can provide (not applicable elsewhere), or
 * a state the mock itself has run out of (restart it).
 */
export type SkipKind = 'needs-fixture' | 'not-applicable' | 'mock-exhausted';

export interface SkipCategory {
  kind: SkipKind;
  /** The setting that unlocks the case (UQPAY_FIXTURE_*), for kind needs-fixture. */
  setting?: string;
}

export class FixtureMissing extends Error {
  readonly fixture: string;
  readonly setting: string | null;
  readonly category: SkipCategory;

  constructor({
    fixture,
    setting,
    exhausted = false,
  }: { fixture: string; setting: string | null; exhausted?: boolean }) {
    super(
      setting
        ? `needs fixture ${fixture}: set ${setting} in .env`
        : exhausted
          ? `needs ${fixture}`
          : `needs ${fixture}, ${MOCK_ONLY_FIXTURE}`,
    );
    this.name = 'FixtureMissing';
    this.fixture = fixture;
    this.setting = setting;
    this.category = setting
      ? { kind: 'needs-fixture', setting }
      : { kind: exhausted ? 'mock-exhausted' : 'not-applicable' };
  }
}

export interface PoolCard {
  card_number: string;
  activation_code: string;
}

export interface FixtureProvider {
  readonly kind: 'mock' | 'env';
  credential(name: CredentialName): Promise<Credential>;
  product(name: ProductName): Promise<string>;
  cardholder(name: CardholderName): Promise<string>;
  card(name: CardName): Promise<{ id: string; activation_code: string | null }>;
  subAccount(name: SubAccountName): Promise<SubAccountFixture>;
  /** A provisioned physical card number not handed out yet in this run. */
  poolCard(): Promise<PoolCard>;
  value(name: 'unconfigured_bin_card_number' | 'unpooled_card_number'): Promise<string>;
  /** The code printed on a physical card's mailer. */
  activationCode(cardId: string): Promise<string>;
  /** A correctly signed access token that has expired. */
  expiredToken(): Promise<string>;
  armFault(spec: FaultSpec): Promise<void>;
  /** Disarms every fault, or only those armed with this scope. */
  clearFaults(scope?: string): Promise<void>;
  /** Mock only: true once a request of the scope is parked by a hold fault (false if none arrives in time). */
  awaitHeld?(scope?: string): Promise<boolean>;
  /** Mock only: lets the scope's held requests go on. */
  releaseHeld?(scope?: string): Promise<void>;
}
