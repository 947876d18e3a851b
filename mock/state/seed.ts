// The seeded world: named fixtures for the states a request alone cannot create. The same seed gives the same
// ids, so a run can be replayed; GET /__mock/fixtures lists them.

import { type Credential, type Fixtures, SUB_ACCOUNT_NAMES } from '../../contract/fixtures.ts';
import {
  luhnComplete,
  makeAccount,
  makeCard,
  makeCardholder,
  makeProduct,
  newPan,
  SIMULATOR_BIN,
} from './factories.ts';
import type { Account, Balance, Product } from './types.ts';
import { World } from './world.ts';

export interface SeedOptions {
  seed: number;
  clientId: string;
  apiKey: string;
}

export function seedWorld(options: SeedOptions): { world: World; fixtures: Fixtures } {
  const world = new World(options.seed);
  const master = makeAccount(world, { name: 'Conformance Master' });
  const other = makeAccount(world, { name: 'Another Customer' });
  const credentials = seedCredentials(world, master, other, options);

  const subAccounts = Object.fromEntries(
    SUB_ACCOUNT_NAMES.map((name) => [name, makeAccount(world, { name: `Sub ${name}`, parentId: master.id })]),
  ) as Record<(typeof SUB_ACCOUNT_NAMES)[number], Account>;
  subAccounts.deactivated.status = 'DEACTIVATED';
  subAccounts.suspended.status = 'SUSPENDED';
  subAccounts['at-card-quota'].cardCap = 1;

  addBalance(world, master.id, 'SGD', 1_000_000);
  addBalance(world, master.id, 'USD', 1_000_000);
  addBalance(world, other.id, 'SGD', 1_000_000);
  for (const [name, account] of Object.entries(subAccounts)) {
    if (name === 'no-balance') continue;
    addBalance(world, account.id, 'SGD', name === 'low-balance' ? 5 : 100_000, name === 'balance-unavailable');
  }

  const products = seedProducts(world, master, other);
  const holder = (accountId: string, fields = {}) => makeCardholder(world, accountId, fields).id;
  const cardholders = {
    'kyc-pending': holder(master.id, { status: 'PENDING' }),
    'kyc-failed': holder(master.id, { status: 'FAILED' }),
    'document-under-review': holder(master.id, { documentUnderReview: true }),
    deactivated: holder(master.id, { active: false }),
    'at-account-quota': holder(master.id),
    foreign: holder(other.id),
  };
  const standard = world.products.get(products.standard) as Product;
  for (let i = 0; i < master.cardholderCardCap; i++) {
    makeCard(world, { accountId: master.id, cardholderId: cardholders['at-account-quota'], product: standard });
  }
  const accountQuotaFull = world.products.get(products['account-quota-full']) as Product;
  makeCard(world, { accountId: master.id, cardholderId: holder(master.id), product: accountQuotaFull });

  const cards = seedCards(world, master, other, products);
  const subFixtures = seedSubAccountCards(world, subAccounts, products);
  const pool = seedPool(world, master, standard);

  const fixtures: Fixtures = {
    seed: options.seed,
    account_id: master.id,
    credentials,
    sub_accounts: subFixtures,
    products,
    cardholders,
    cards,
    pool,
    unconfigured_bin_card_number: luhnComplete(`555555${world.faker.string.numeric(9)}`),
    unpooled_card_number: newPan(world, SIMULATOR_BIN),
  };
  return { world, fixtures };
}

function seedCredentials(world: World, master: Account, other: Account, options: SeedOptions) {
  const key = (
    account: Account,
    clientId: string,
    apiKey: string,
    fields: { active?: boolean; secure?: boolean } = {},
  ) => {
    const user = {
      id: world.uuid(),
      accountId: account.id,
      email: `${clientId}@example.com`,
      active: fields.active ?? true,
    };
    world.users.set(user.id, user);
    world.apiKeys.set(clientId, {
      clientId,
      apiKey,
      userId: user.id,
      accountId: account.id,
      permissions: fields.secure === false ? [] : ['cards:secure'],
    });
    return { client_id: clientId, api_key: apiKey } satisfies Credential;
  };
  const secret = () => world.faker.string.alphanumeric(32);
  const deactivated = makeAccount(world, { name: 'Deactivated Customer', status: 'DEACTIVATED' });
  const deleted = makeAccount(world, { name: 'Deleted Customer', status: 'DELETED' });
  return {
    default: key(master, options.clientId, options.apiKey),
    'login-expiry': key(master, 'mock-login-expiry', secret()),
    'no-sensitive-permission': key(master, 'mock-no-sensitive-permission', secret(), { secure: false }),
    'deactivated-user': key(master, 'mock-deactivated-user', secret(), { active: false }),
    'deactivated-account': key(deactivated, 'mock-deactivated-account', secret()),
    'deleted-account': key(deleted, 'mock-deleted-account', secret()),
    'other-account': key(other, 'mock-other-account', secret()),
  };
}

function addBalance(world: World, accountId: string, currency: string, amount: number, frozen = false): Balance {
  const balance: Balance = {
    id: world.uuid(),
    accountId,
    currency,
    available: 0,
    frozen: 0,
    status: frozen ? 'FROZEN' : 'ACTIVE',
    createdAt: world.now(),
    lastTradeAt: null,
  };
  world.balances.set(balance.id, balance);
  world.moveBalance(balance, amount, 'DEPOSIT', 'Initial funding');
  return balance;
}

function seedProducts(world: World, master: Account, other: Account) {
  const product = (name: string, fields: Partial<Product> = {}) =>
    makeProduct(world, master.id, { name, ...fields }).id;
  return {
    standard: product('Standard Prepaid'),
    shared: product('Shared Limit', { modeType: 'SHARE', forms: ['VIRTUAL'] }),
    'sgd-only': product('SGD Only', { currencies: ['SGD'] }),
    'enhanced-kyc': product('Enhanced KYC', {
      kycLevel: 'ENHANCED',
      requiredFields: ['nationality', 'residential_address', 'identity'],
    }),
    'quota-1': product('One Per Cardholder', { cardholderQuota: 1 }),
    'account-quota-full': product('Account Quota Full', { accountQuota: 1 }),
    'sub-bin-exhausted': product('Sub-BIN Exhausted', { subBinInventory: 0 }),
    'bin-unconfigured': product('Unconfigured BIN', { bin: '52773500' }),
    'bin-fields-unconfigured': product('BIN Fields Unconfigured', { requiredFields: null }),
    'unauthorized-type': product('Unauthorized Card Type', { accountAuthorized: false }),
    misconfigured: product('Misconfigured', { misconfigured: true }),
    'creation-closed': product('Creation Closed', { creationOpen: false }),
    'requires-expiry': product('Requires Expiry', { requiresExpiryAt: true }),
    'issuer-down': product('Issuer Down', { issuerDown: true }),
    'recharge-closed': product('Recharge Closed', { rechargeOpen: false }),
    'withdraw-disabled': product('Withdraw Disabled', { withdrawEnabled: false }),
    'withdraw-fee': product('Withdraw Fee', { withdrawFee: 10 }),
    'no-restrict-config': product('No Restrict Config', { hasRestrictConfig: false }),
    'no-pin-config-missing': product('No PIN Config Missing', { noPinMaximum: null }),
    'restricted-mcc': product('Restricted MCC', { permittedMccs: ['5734', '5411'] }),
    disabled: product('Disabled', { status: 'DISABLED' }),
    foreign: makeProduct(world, other.id, { name: 'Other Customer Product' }).id,
    // Last, so adding it left the ids of the fixtures seeded before it unchanged.
    'issue-failing': product('Issue Failing', { issueFailureShare: 0.5 }),
  };
}

function seedCards(world: World, master: Account, other: Account, products: Fixtures['products']) {
  const past = new Date(world.now().getTime() - 86_400_000);
  const productOf = (name: keyof Fixtures['products']) => world.products.get(products[name]) as Product;
  const card = (product: keyof Fixtures['products'], fields = {}, accountId = master.id) => {
    const cardholderId = makeCardholder(world, accountId).id;
    const made = makeCard(world, { accountId, cardholderId, product: productOf(product) }, fields);
    return { id: made.id, activation_code: made.activationCode };
  };
  const physical = { form: 'PHYSICAL' as const, activated: false };
  const orphan = card('standard');
  const orphanCard = world.cards.get(orphan.id);
  const orphanHolder = orphanCard && world.cardholders.get(orphanCard.cardholderId);
  if (orphanHolder) orphanHolder.active = false;
  const withdrawn = card('standard');
  const withdrawnCard = world.cards.get(withdrawn.id);
  if (withdrawnCard) withdrawnCard.productId = world.uuid();
  return {
    failed: card('standard', { status: 'FAILED' }),
    expired: card('standard', { expiresAt: past }),
    'expired-physical': card('standard', { ...physical, expiresAt: past }),
    syncing: card('standard', { syncing: true }),
    orphaned: orphan,
    'issuer-failing': card('standard', { issuerFailing: true }),
    'physical-issuer-failing': card('standard', { ...physical, issuerFailing: true }),
    'physical-misconfigured-product': card('misconfigured', physical),
    'physical-no-pin-config': card('no-pin-config-missing', physical),
    'product-withdrawn': withdrawn,
    foreign: card('foreign', {}, other.id),
  };
}

function seedSubAccountCards(
  world: World,
  subAccounts: Record<(typeof SUB_ACCOUNT_NAMES)[number], Account>,
  products: Fixtures['products'],
) {
  const entries = Object.entries(subAccounts).map(([name, account]) => {
    const cardholder = makeCardholder(world, account.id);
    const productId = name === 'low-balance' ? products['withdraw-fee'] : products.standard;
    const product = world.products.get(productId) as Product;
    const card = makeCard(world, { accountId: account.id, cardholderId: cardholder.id, product }, { available: 50 });
    let transactionId: string | null = null;
    if (name === 'suspended') {
      transactionId = world.uuid();
      world.transactions.set(transactionId, {
        id: transactionId,
        shortId: `IT${world.faker.string.numeric(10)}`,
        accountId: account.id,
        cardId: card.id,
        originalId: null,
        type: 'AUTHORIZATION',
        status: 'APPROVED',
        amount: 5,
        currency: card.currency,
        mcc: '5734',
        merchantName: 'Mock Merchant',
        reversed: false,
        createdAt: world.now(),
      });
    }
    return [name, { id: account.id, cardholder_id: cardholder.id, card_id: card.id, transaction_id: transactionId }];
  });
  return Object.fromEntries(entries) as Fixtures['sub_accounts'];
}

function seedPool(world: World, master: Account, product: Product) {
  return Array.from({ length: 256 }, () => {
    const card = {
      accountId: master.id,
      pan: newPan(world, product.bin),
      activationCode: world.faker.string.numeric(6),
    };
    world.pool.push({ ...card, productId: product.id, assigned: false });
    return { card_number: card.pan, activation_code: card.activationCode, product_id: product.id };
  });
}
