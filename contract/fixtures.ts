// The fixture vocabulary: the names of the seeded fixtures, as the mock's GET /__mock/fixtures returns them. Scenarios
// ask for fixtures by these names; against the sandbox the same names map to UQPAY_FIXTURE_* settings instead.

export const SUB_ACCOUNT_NAMES = [
  'active',
  'no-balance',
  'low-balance',
  'balance-unavailable',
  'at-card-quota',
  'suspended',
  'deactivated',
] as const;

export type SubAccountName = (typeof SUB_ACCOUNT_NAMES)[number];

export interface Credential {
  client_id: string;
  api_key: string;
}

export type CredentialName =
  | 'default'
  | 'login-expiry'
  | 'no-sensitive-permission'
  | 'deactivated-user'
  | 'deactivated-account'
  | 'deleted-account'
  | 'other-account';

export type ProductName =
  | 'standard'
  | 'shared'
  | 'sgd-only'
  | 'enhanced-kyc'
  | 'quota-1'
  | 'account-quota-full'
  | 'sub-bin-exhausted'
  | 'bin-unconfigured'
  | 'bin-fields-unconfigured'
  | 'unauthorized-type'
  | 'misconfigured'
  | 'creation-closed'
  | 'requires-expiry'
  | 'issuer-down'
  | 'recharge-closed'
  | 'withdraw-disabled'
  | 'withdraw-fee'
  | 'no-restrict-config'
  | 'no-pin-config-missing'
  | 'restricted-mcc'
  | 'disabled'
  | 'foreign'
  /** Half of its cards (chosen by the seed) fail at settlement: card and order FAILED, card.create.failed. */
  | 'issue-failing';

export type CardholderName =
  | 'kyc-pending'
  | 'kyc-failed'
  | 'document-under-review'
  | 'deactivated'
  | 'at-account-quota'
  | 'foreign';

export type CardName =
  | 'failed'
  | 'expired'
  | 'expired-physical'
  | 'syncing'
  | 'orphaned'
  | 'issuer-failing'
  | 'physical-issuer-failing'
  | 'physical-misconfigured-product'
  | 'physical-no-pin-config'
  | 'product-withdrawn'
  | 'foreign';

export interface SubAccountFixture {
  id: string;
  /** A cardholder and an ACTIVE card (balance 50) owned by the sub-account; act on them with x-on-behalf-of. */
  cardholder_id: string;
  card_id: string;
  /** An approved authorization on that card (only for "suspended"). */
  transaction_id: string | null;
}

export interface Fixtures {
  seed: number;
  account_id: string;
  credentials: Record<CredentialName, Credential>;
  sub_accounts: Record<SubAccountName, SubAccountFixture>;
  products: Record<ProductName, string>;
  cardholders: Record<CardholderName, string>;
  cards: Record<CardName, { id: string; activation_code: string | null }>;
  /** Provisioned physical card numbers Assign Card can hand out, with the code printed on each mailer. */
  pool: { card_number: string; activation_code: string; product_id: string }[];
  /** A Luhn-valid PAN on a BIN the account has not configured. */
  unconfigured_bin_card_number: string;
  /** A Luhn-valid PAN on a configured BIN that is not in the account's pool. */
  unpooled_card_number: string;
}
