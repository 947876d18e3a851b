// The lifecycle commands for fc.commands. Each one sends its request, and checks the answer against the model:
// the predicted entry for an illegal step, a 2xx and the model's new state for a legal one. Reads compare the
// card's status and available amount, and the issuing balance, with the model.

import fc from 'fast-check';
import type { OperationName } from '../../catalog/ids.ts';
import type { Observed, RequestSpec } from '../../contract/request.ts';
import { awaitIssuedCard } from '../../generators/await-card.ts';
import { expectEntry, expectSuccess, send } from '../send.ts';
import { CaseFailure, type FuzzContext } from '../types.ts';
import {
  fromCents,
  type LifecycleModel,
  type Prediction,
  predictAuthorization,
  predictLimitUpdate,
  predictRecharge,
  predictReversal,
  predictStatusChange,
  predictWithdraw,
  toCents,
} from './model.ts';

export interface LifecycleReal {
  fz: FuzzContext;
  /** x-on-behalf-of: the sub-account whose balance only this property moves. */
  onBehalfOf: string;
  cardholderId: string;
  productId: string;
  cardId: string | null;
}

type Command = fc.AsyncCommand<LifecycleModel, LifecycleReal>;

async function step(real: LifecycleReal, spec: RequestSpec, prediction: Prediction): Promise<Observed | null> {
  const sent: RequestSpec = { ...spec, onBehalfOf: real.onBehalfOf };
  const observed = await send(real.fz, sent);
  if (prediction) {
    expectEntry(real.fz, prediction, sent, observed);
    return null;
  }
  expectSuccess(real.fz, sent, observed);
  return observed;
}

const body = (observed: Observed | null) => (observed?.json ?? {}) as Record<string, unknown>;
const byCard = (real: LifecycleReal, operation: OperationName, payload?: unknown): RequestSpec => ({
  operation,
  params: { card_id: real.cardId ?? '' },
  ...(payload === undefined ? {} : { body: payload }),
});
const hasCard = (m: Readonly<LifecycleModel>) => m.card !== null;

function command(label: string, check: (m: Readonly<LifecycleModel>) => boolean, run: Command['run']): Command {
  return { check, run, toString: () => label };
}

/** Issues a new card (the sequence's current card from then on); the setup's first step and the create command. */
export async function createStep(m: LifecycleModel, r: LifecycleReal, limit: number): Promise<void> {
  const prediction = limit > m.balanceCents ? 'card.b.insufficient_balance' : null;
  const payload = {
    cardholder_id: r.cardholderId,
    card_product_id: r.productId,
    card_currency: 'SGD',
    card_limit: fromCents(limit),
  };
  const answer = await step(r, { operation: 'Create Card', body: payload }, prediction);
  if (prediction) return;
  r.cardId = String(body(answer).card_id);
  // Issuing is asynchronous: the card is PENDING until it settles, as on the sandbox; the model starts once it has.
  await awaitIssuedCard(r.fz.ctx, body(answer), r.onBehalfOf);
  m.card = { status: 'ACTIVE', availableCents: limit, perTransactionCents: null };
  m.balanceCents -= limit;
  // Authorizations of the earlier card are no longer this sequence's to reverse.
  m.authorizations = [];
}

const cents = (max: number) => fc.integer({ min: 1, max });

/** Every command, in the order fast-check has always drawn them (a seed replays the same sequence). */
export function lifecycleCommands(): fc.Arbitrary<Command>[] {
  return [...cardCommands(), ...fundCommands(), limitsCommand(), ...transactionCommands(), ...readCommands()];
}

/** Create, activate, and the status changes. */
function cardCommands(): fc.Arbitrary<Command>[] {
  return [
    cents(5000).map((limit) =>
      command(
        `create(${fromCents(limit)})`,
        () => true,
        (m, r) => createStep(m, r, limit),
      ),
    ),
    fc.constant(
      command('activate', hasCard, async (_m, r) => {
        const payload = { card_id: r.cardId, activation_code: '000000', pin: '135790' };
        await step(r, { operation: 'Activate Card', body: payload }, 'card.b.the_card_has_been_activated');
      }),
    ),
    // Freeze, unfreeze and cancel are separate commands, so status changes are as frequent as the other steps.
    ...(['FROZEN', 'ACTIVE', 'CANCELLED'] as const).map((status) =>
      fc.constant(
        command(`status(${status})`, hasCard, async (m, r) => {
          const prediction = predictStatusChange(m, status);
          const payload = { card_status: status, update_reason: 'fuzz lifecycle' };
          await step(r, byCard(r, 'Update Card Status', payload), prediction);
          if (!prediction && m.card) m.card.status = status === 'CANCELLED' ? 'PRE_CANCEL' : status;
        }),
      ),
    ),
  ];
}

/** Recharge and withdraw: money between the issuing balance and the card. */
function fundCommands(): fc.Arbitrary<Command>[] {
  return [
    cents(5000).map((amount) =>
      command(`recharge(${fromCents(amount)})`, hasCard, async (m, r) => {
        const prediction = predictRecharge(m, amount);
        // The page: recharge and withdraw amounts are integers in the card currency's minor unit (cents).
        await step(r, byCard(r, 'Card Recharge', { amount }), prediction);
        if (prediction || !m.card) return;
        m.card.availableCents += amount;
        m.balanceCents -= amount;
      }),
    ),
    cents(8000).map((amount) =>
      command(`withdraw(${fromCents(amount)})`, hasCard, async (m, r) => {
        const prediction = predictWithdraw(m, amount);
        await step(r, byCard(r, 'Card Withdraw', { amount }), prediction);
        if (prediction || !m.card) return;
        m.card.availableCents -= amount;
        m.balanceCents += amount;
      }),
    ),
  ];
}

/** A per-transaction limit or a new card limit. */
function limitsCommand(): fc.Arbitrary<Command> {
  return fc
    .oneof(
      cents(3000).map((c) => ['per-transaction', c] as const),
      cents(3000).map((c) => ['card-limit', c] as const),
    )
    .map(([kind, amount]) =>
      command(`limits(${kind} ${fromCents(amount)})`, hasCard, async (m, r) => {
        const prediction = predictLimitUpdate(m, kind);
        const payload =
          kind === 'card-limit'
            ? { card_limit: fromCents(amount) }
            : { spending_controls: [{ interval: 'PER_TRANSACTION', amount: fromCents(amount) }] };
        await step(r, byCard(r, 'Update Card', payload), prediction);
        if (!prediction && m.card) m.card.perTransactionCents = amount;
      }),
    );
}

/** Simulated authorizations, and reversals of earlier ones. */
function transactionCommands(): fc.Arbitrary<Command>[] {
  return [
    cents(4000).map((amount) =>
      command(`authorize(${fromCents(amount)})`, hasCard, async (m, r) => {
        const prediction = predictAuthorization(m, amount);
        const payload = {
          card_id: r.cardId,
          transaction_amount: fromCents(amount),
          transaction_currency: 'SGD',
          merchant_name: 'Fuzz Lifecycle',
          merchant_category_code: '5734',
        };
        const answer = await step(r, { operation: 'Simulate Authorization', body: payload }, prediction);
        if (prediction || !m.card) return;
        const approved = amount <= m.card.availableCents;
        m.authorizations.push({ id: String(body(answer).transaction_id), cents: amount, reversible: approved });
        if (approved) m.card.availableCents -= amount;
      }),
    ),
    fc.nat().map((pick) =>
      command(
        `reverse(#${pick})`,
        (m) => m.authorizations.length > 0,
        async (m, r) => {
          const authorization = m.authorizations[pick % m.authorizations.length];
          if (!authorization || !m.card) return;
          const prediction = predictReversal(authorization);
          await step(r, { operation: 'Simulate Reversal', body: { transaction_id: authorization.id } }, prediction);
          if (prediction) return;
          authorization.reversible = false;
          m.card.availableCents += authorization.cents;
        },
      ),
    ),
  ];
}

/** Reads that compare the card and the issuing balance with the model. */
function readCommands(): fc.Arbitrary<Command>[] {
  return [
    fc.constant(
      command('read card', hasCard, async (m, r) => {
        const spec = { ...byCard(r, 'Retrieve Card'), onBehalfOf: r.onBehalfOf };
        const observed = await step(r, spec, null);
        const answer = body(observed);
        const expected = { card_status: m.card?.status, available_balance: fromCents(m.card?.availableCents ?? 0) };
        const got = { card_status: answer.card_status, available_balance: toCents(answer.available_balance) / 100 };
        if (JSON.stringify(expected) !== JSON.stringify(got)) {
          throw new CaseFailure(`card: model ${JSON.stringify(expected)}, target ${JSON.stringify(got)}`, {
            spec,
            observed,
          });
        }
      }),
    ),
    fc.constant(
      command(
        'read balance',
        () => true,
        async (m, r) => {
          const answer = body(
            await step(r, { operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } }, null),
          );
          if (toCents(answer.available_balance) !== m.balanceCents) {
            throw new CaseFailure(
              `issuing balance: model ${fromCents(m.balanceCents)}, target ${String(answer.available_balance)}`,
              null,
            );
          }
        },
      ),
    ),
  ];
}
