// The whole in-memory state of one mock instance, with the lookups the operation rules share.

import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import { FakerStream } from '../../lib/seeded-faker.ts';
import { EventOutbox } from '../webhooks/events.ts';
import { Clock } from './clock.ts';
import { Settlements } from './settlement.ts';
import type {
  Account,
  ApiKey,
  Balance,
  BalanceTransaction,
  Card,
  Cardholder,
  CardOrder,
  CardTransaction,
  PanToken,
  PoolCard,
  Product,
  Report,
  Transfer,
  User,
} from './types.ts';

/** Statuses in which a card still counts against quotas. */
const COUNTED: ReadonlySet<Card['status']> = new Set(['PENDING', 'ACTIVE', 'FROZEN', 'BLOCKED']);

export class World {
  readonly accounts = new Map<string, Account>();
  readonly users = new Map<string, User>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly balances = new Map<string, Balance>();
  readonly balanceTransactions: BalanceTransaction[] = [];
  readonly products = new Map<string, Product>();
  readonly cardholders = new Map<string, Cardholder>();
  readonly cards = new Map<string, Card>();
  readonly orders = new Map<string, CardOrder>();
  readonly panTokens = new Map<string, PanToken>();
  readonly transactions = new Map<string, CardTransaction>();
  readonly pool: PoolCard[] = [];
  readonly transfers = new Map<string, Transfer>();
  readonly reports = new Map<string, Report>();
  private readonly ownFaker: FakerStream;
  /** Reseeded per keyed request (withKeyedDraws): what that request creates does not depend on arrival order. */
  private readonly keyedFaker: FakerStream;
  /** The keyed request under way ("" outside one), and whether keyedFaker is seeded for it yet. */
  private keyed = '';
  private keyedSeeded = false;
  /** Work that finishes later (card orders, KYC reviews), on this world's clock. */
  readonly settlements: Settlements;
  /** Events the platform publishes; the webhook dispatcher delivers them. */
  readonly events = new EventOutbox();

  constructor(
    readonly seed: number,
    readonly clock = new Clock(),
  ) {
    this.ownFaker = new FakerStream(seed);
    this.keyedFaker = new FakerStream(seed);
    this.settlements = new Settlements(clock);
  }

  /** The random source of ids, card numbers and codes: the request's own while a keyed request is handled. */
  get faker(): Faker {
    if (!this.keyed) return this.ownFaker.faker;
    // Seeded on the first draw: most keyed requests are refused before drawing anything, and seeding costs more
    // than the rest of such a request (a fuzz run sends thousands). The same draws come out either way.
    if (!this.keyedSeeded) {
      const digest = createHash('sha256').update(`${this.seed}|${this.keyed}`).digest();
      this.keyedFaker.seed(digest.readUInt32BE(0));
      this.keyedSeeded = true;
    }
    return this.keyedFaker.faker;
  }

  /**
   * Runs a (synchronous) operation rule with its random draws seeded by the world's seed and the request's
   * idempotency key: the same request creates the same ids whatever ran before it, so a client's same-seed runs
   * at any concurrency see the same ids. Without a key the world's own stream is used.
   */
  withKeyedDraws<T>(key: string | undefined, rule: () => T): T {
    if (!key) return rule();
    this.keyed = key;
    this.keyedSeeded = false;
    try {
      return rule();
    } finally {
      this.keyed = '';
    }
  }

  uuid(): string {
    return this.faker.string.uuid();
  }

  now(): Date {
    return this.clock.now();
  }

  /** A product the account may use: its own, or its master account's. */
  productFor(account: Account, productId: string): Product | undefined {
    const product = this.products.get(productId);
    if (!product) return undefined;
    return product.accountId === account.id || product.accountId === account.parentId ? product : undefined;
  }

  balanceOf(accountId: string, currency: string): Balance | undefined {
    for (const balance of this.balances.values()) {
      if (balance.accountId === accountId && balance.currency === currency) return balance;
    }
    return undefined;
  }

  countedCards(filter: (card: Card) => boolean): number {
    let count = 0;
    for (const card of this.cards.values()) if (COUNTED.has(card.status) && filter(card)) count++;
    return count;
  }

  /** Records a movement of an issuing balance and its ledger line. */
  moveBalance(balance: Balance, amount: number, type: BalanceTransaction['type'], description: string): void {
    balance.available = round2(balance.available + amount);
    balance.lastTradeAt = this.now();
    this.balanceTransactions.push({
      id: this.uuid(),
      shortId: `BT${this.faker.string.numeric(10)}`,
      accountId: balance.accountId,
      balanceId: balance.id,
      type,
      currency: balance.currency,
      amount,
      endingBalance: balance.available,
      createdAt: this.now(),
      description,
    });
  }
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
