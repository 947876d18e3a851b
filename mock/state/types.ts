// The mock's in-memory model of the issuing platform. Amounts are numbers in major units (10.5 = 10.50 SGD), as
// the real API's request bodies take them; success bodies render them the way the real API does.

export type AccountStatus = 'ACTIVE' | 'DEACTIVATED' | 'DELETED' | 'SUSPENDED';

export interface Account {
  id: string;
  shortId: string;
  name: string;
  parentId: string | null;
  status: AccountStatus;
  /** BINs configured for the account (Create Card on another BIN, or Assign Card of a PAN on one, fails). */
  configuredBins: string[];
  /** Account-wide cap on cards that are not cancelled. */
  cardCap: number;
  /** Account-wide cap on cards per cardholder that are not cancelled. */
  cardholderCardCap: number;
}

export type Permission = 'cards:secure';

export interface User {
  id: string;
  accountId: string;
  email: string;
  active: boolean;
}

export interface ApiKey {
  clientId: string;
  apiKey: string;
  userId: string;
  accountId: string;
  permissions: Permission[];
}

export type BalanceStatus = 'ACTIVE' | 'FROZEN' | 'CLOSED';

export interface Balance {
  id: string;
  accountId: string;
  currency: string;
  available: number;
  frozen: number;
  status: BalanceStatus;
  createdAt: Date;
  lastTradeAt: Date | null;
}

export type BalanceTransactionType =
  | 'DEPOSIT'
  | 'CARD_RECHARGE'
  | 'CARD_WITHDRAW'
  | 'FEE'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT';

export interface BalanceTransaction {
  id: string;
  shortId: string;
  accountId: string;
  balanceId: string;
  type: BalanceTransactionType;
  currency: string;
  amount: number;
  endingBalance: number;
  createdAt: Date;
  description: string;
}

export type FormFactor = 'VIRTUAL' | 'PHYSICAL';
export type ModeType = 'SINGLE' | 'SHARE';
export type KycLevel = 'SIMPLIFIED' | 'STANDARD' | 'ENHANCED';

export interface Product {
  id: string;
  accountId: string;
  name: string;
  status: 'ENABLED' | 'DISABLED';
  bin: string;
  scheme: 'VISA' | 'MASTERCARD';
  modeType: ModeType;
  forms: FormFactor[];
  currencies: string[];
  kycLevel: KycLevel;
  minLimit: number;
  maxLimit: number;
  /** Highest PER_TRANSACTION control the product allows ("restrict max authorization amount"). */
  maxAuthorizationAmount: number;
  /** MCCs an allowed_mcc list may name; null when any MCC is allowed. */
  permittedMccs: string[] | null;
  /** Cards per cardholder for this product ("card quota of cardholder"). */
  cardholderQuota: number;
  /** Cards per account for this product ("card quota of account") and how many are used. */
  accountQuota: number;
  /** Unused PANs in the product's sub-BIN pool. */
  subBinInventory: number;
  /** Cardholder fields the product's BIN requires; null when that configuration is missing on the platform. */
  requiredFields: string[] | null;
  /** Maximum validity of a card in days, and whether expiry_at must be given. */
  maxValidityDays: number;
  requiresExpiryAt: boolean;
  /** No-PIN payment maximum per currency; null when the product has no such configuration. */
  noPinMaximum: Record<string, number> | null;
  hasRestrictConfig: boolean;
  accountAuthorized: boolean;
  misconfigured: boolean;
  creationOpen: boolean;
  rechargeOpen: boolean;
  withdrawEnabled: boolean;
  issuerDown: boolean;
  withdrawFee: number;
  /** Share (0–1) of the cards issued on this product that fail at settlement (card and order FAILED). */
  issueFailureShare: number;
  createdAt: Date;
}

export type CardholderStatus = 'SUCCESS' | 'PENDING' | 'INCOMPLETE' | 'FAILED';

export interface Address {
  country?: string;
  state?: string;
  city?: string;
  district?: string;
  line1?: string;
  line2?: string;
  line_en?: string;
  postal_code?: string;
}

export interface Identity {
  type: 'ID_CARD' | 'PASSPORT';
  number: string;
  reviewed: boolean;
}

export interface Cardholder {
  id: string;
  accountId: string;
  email: string;
  firstName: string;
  lastName: string;
  countryCode: string;
  phoneNumber: string;
  dateOfBirth: string | null;
  gender: string | null;
  nationality: string | null;
  residentialAddress: Address | null;
  deliveryAddress: Address | null;
  identity: Identity | null;
  kycReferenceId: string | null;
  /** How the cardholder's KYC was verified, once a kyc_verification has been sent. */
  kycMethod?: 'THIRD_PARTY' | 'SUMSUB_REDIRECT';
  status: CardholderStatus;
  /** A document that waits for manual review (blocks Create Card with document_review_required). */
  documentUnderReview: boolean;
  active: boolean;
  createdAt: Date;
}

export type CardStatus = 'PENDING' | 'ACTIVE' | 'FROZEN' | 'BLOCKED' | 'PRE_CANCEL' | 'CANCELLED' | 'FAILED';

export interface SpendingControl {
  amount: number;
  interval: string;
}

export interface RiskControls {
  allow_3ds_transactions?: 'Y' | 'N';
  allowed_mcc?: string[];
  blocked_mcc?: string[];
}

export interface Card {
  id: string;
  accountId: string;
  cardholderId: string;
  productId: string;
  currency: string;
  status: CardStatus;
  form: FormFactor;
  usageType: 'NORMAL' | 'ONE_TIME';
  autoCancelTrigger: 'ON_AUTH' | 'ON_CAPTURE' | null;
  /** SINGLE mode: the card's own balance. SHARE mode: the spending limit. */
  limit: number;
  available: number;
  used: number;
  pan: string;
  cvv: string;
  expiresAt: Date;
  /** Physical cards start not activated; virtual cards are activated at issue. */
  activated: boolean;
  activationCode: string | null;
  pin: string | null;
  noPinPaymentAmount: number | null;
  spendingControls: SpendingControl[];
  riskControls: RiskControls;
  metadata: Record<string, string>;
  updateReason: string | null;
  /** Issuer data not synchronised yet (Card retrieve error). */
  syncing: boolean;
  /** The issuer refuses updates, recharges and activation for this card. */
  issuerFailing: boolean;
  createdAt: Date;
}

export type OrderType = 'CARD_CREATE' | 'CARD_RECHARGE' | 'CARD_WITHDRAW' | 'CARD_UPDATE';

export interface CardOrder {
  id: string;
  cardId: string;
  accountId: string;
  type: OrderType;
  amount: number;
  currency: string;
  status: 'PENDING' | 'PROCESSING' | 'SUCCESS' | 'FAILED';
  createdAt: Date;
  completedAt: Date | null;
}

export interface PanToken {
  token: string;
  cardId: string;
  expiresAt: Date;
  used: boolean;
}

export interface CardTransaction {
  id: string;
  shortId: string;
  accountId: string;
  cardId: string;
  originalId: string | null;
  type: 'AUTHORIZATION' | 'REVERSAL';
  status: 'APPROVED' | 'DECLINED' | 'PENDING';
  amount: number;
  currency: string;
  mcc: string;
  merchantName: string;
  reversed: boolean;
  createdAt: Date;
}

/** A pre-provisioned physical card number that Assign Card can hand out. */
export interface PoolCard {
  accountId: string;
  pan: string;
  activationCode: string;
  productId: string;
  assigned: boolean;
}

/** An issuing transfer between a master account and one of its sub-accounts. */
export interface Transfer {
  id: string;
  referenceId: string;
  shortId: string;
  /** The account that asked for it (the acting account). */
  accountId: string;
  sourceAccountId: string;
  destinationAccountId: string;
  amount: number;
  currency: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  remark: string;
  creatorId: string;
  createdAt: Date;
  completedAt: Date | null;
}

/** A settlement or ledger report, generated at once and downloadable as CSV. */
export interface Report {
  id: string;
  accountId: string;
  type: 'SETTLEMENT' | 'LEDGER';
  start: Date;
  end: Date;
  createdAt: Date;
}
