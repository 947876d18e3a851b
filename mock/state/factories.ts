// Builders with sensible defaults for the model's records; seeding and the operation rules both use them.

import { indexCardholder } from './cardholder-index.ts';
import type { Account, Card, Cardholder, Product } from './types.ts';
import type { World } from './world.ts';

/** The sandbox simulator's BIN: the only one its authorizations accept. */
export const SIMULATOR_BIN = '40963608';

export function luhnComplete(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let digit = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${partial}${(10 - (sum % 10)) % 10}`;
}

export function newPan(world: World, bin: string): string {
  return luhnComplete(`${bin}${world.faker.string.numeric(15 - bin.length)}`);
}

export function makeAccount(world: World, fields: Partial<Account> & Pick<Account, 'name'>): Account {
  const account: Account = {
    id: world.uuid(),
    shortId: `CB${world.faker.string.numeric(5)}`,
    parentId: null,
    status: 'ACTIVE',
    configuredBins: [SIMULATOR_BIN],
    cardCap: 10_000,
    cardholderCardCap: 5,
    ...fields,
  };
  world.accounts.set(account.id, account);
  return account;
}

export function makeProduct(
  world: World,
  accountId: string,
  fields: Partial<Product> & Pick<Product, 'name'>,
): Product {
  const product: Product = {
    id: world.uuid(),
    accountId,
    status: 'ENABLED',
    bin: SIMULATOR_BIN,
    scheme: 'VISA',
    modeType: 'SINGLE',
    forms: ['VIRTUAL', 'PHYSICAL'],
    currencies: ['SGD', 'USD'],
    kycLevel: 'SIMPLIFIED',
    minLimit: 0,
    maxLimit: 100_000,
    maxAuthorizationAmount: 50_000,
    permittedMccs: null,
    cardholderQuota: 1_000,
    accountQuota: 100_000,
    subBinInventory: 100_000,
    requiredFields: [],
    maxValidityDays: 3 * 365,
    requiresExpiryAt: false,
    noPinMaximum: { SGD: 2_000, USD: 1_500 },
    hasRestrictConfig: true,
    accountAuthorized: true,
    misconfigured: false,
    creationOpen: true,
    rechargeOpen: true,
    withdrawEnabled: true,
    issuerDown: false,
    withdrawFee: 0,
    issueFailureShare: 0,
    createdAt: world.now(),
    ...fields,
  };
  world.products.set(product.id, product);
  return product;
}

export function makeCardholder(world: World, accountId: string, fields: Partial<Cardholder> = {}): Cardholder {
  const f = world.faker;
  const firstName = f.person.firstName().replace(/[^A-Za-z ]/g, '') || 'Alex';
  const lastName = f.person.lastName().replace(/[^A-Za-z ]/g, '') || 'Tan';
  const cardholder: Cardholder = {
    id: world.uuid(),
    accountId,
    email: f.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
    firstName,
    lastName,
    countryCode: 'SG',
    phoneNumber: `8${f.string.numeric(7)}`,
    dateOfBirth: '1990-01-15',
    gender: null,
    nationality: null,
    residentialAddress: null,
    deliveryAddress: null,
    identity: null,
    kycReferenceId: null,
    status: 'SUCCESS',
    documentUnderReview: false,
    active: true,
    createdAt: world.now(),
    ...fields,
  };
  world.cardholders.set(cardholder.id, cardholder);
  indexCardholder(cardholder, world);
  return cardholder;
}

export function makeCard(
  world: World,
  owner: { accountId: string; cardholderId: string; product: Product },
  fields: Partial<Card> = {},
): Card {
  const now = world.now();
  const form = fields.form ?? 'VIRTUAL';
  const card: Card = {
    id: world.uuid(),
    accountId: owner.accountId,
    cardholderId: owner.cardholderId,
    productId: owner.product.id,
    currency: owner.product.currencies[0] ?? 'SGD',
    status: 'ACTIVE',
    form,
    usageType: 'NORMAL',
    autoCancelTrigger: null,
    limit: 100,
    available: 100,
    used: 0,
    pan: newPan(world, owner.product.bin),
    cvv: world.faker.string.numeric(3),
    expiresAt: new Date(now.getTime() + 3 * 365 * 86_400_000),
    activated: form === 'VIRTUAL',
    activationCode: form === 'PHYSICAL' ? world.faker.string.numeric(6) : null,
    pin: null,
    noPinPaymentAmount: null,
    spendingControls: [],
    riskControls: {},
    metadata: {},
    updateReason: null,
    syncing: false,
    issuerFailing: false,
    createdAt: now,
    ...fields,
  };
  world.cards.set(card.id, card);
  return card;
}
