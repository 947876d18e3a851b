// Idempotency properties (x-idempotency-key): a replay returns the byte-identical stored answer, errors included;
// the same key on another operation is key_mismatch_api, from another account key_mismatch_account; of k concurrent
// duplicates exactly one executes; a malformed key is invalid_key_format on every operation that takes one.

import fc from 'fast-check';
import type { OperationName } from '../catalog/ids.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { RequestSpec } from '../contract/request.ts';
import { newCard } from '../generators/arrange.ts';
import { validRequest } from '../generators/valid-requests.ts';
import { sendOverlapping } from './overlap.ts';
import { baseOf, RULES, ruleRequest } from './rules/index.ts';
import { expectEntry, expectSuccess, guarded, send } from './send.ts';
import { CaseFailure, type FuzzProperty } from './types.ts';
import { uniqueText } from './values.ts';

const KEYED_OPERATIONS = loadCatalog()
  .operations.filter((o) => o.idempotency_key)
  .map((o) => o.name);
/** POST operations whose valid request is cheap to build and harmless to repeat. */
const CHEAP: OperationName[] = [
  'Retrieve Issuing Balance',
  'Create Cardholder',
  'Card Recharge',
  'Simulate Authorization',
];
const POST_RULES = RULES.filter((r) => KEYED_OPERATIONS.includes(r.operation) && !r.field.startsWith('header:'));

const property = (
  name: string,
  entry: string | null,
  operation: OperationName | '*',
  maxRuns: number | undefined,
  build: FuzzProperty['build'],
): FuzzProperty => ({
  name: `idempotency › ${name}`,
  entry,
  operation,
  kind: 'idempotency',
  ...(maxRuns ? { maxRuns } : {}),
  build,
});

const replay = property('a replay returns the stored answer byte for byte, errors included', null, '*', 60, (fz) =>
  fc.asyncProperty(
    fc.constantFrom(...POST_RULES).chain((rule) => fc.tuple(fc.constant(rule), fc.oneof(rule.outside, rule.inside))),
    async ([rule, value]) => {
      const spec: RequestSpec = {
        ...(await guarded(async () => ruleRequest(rule, fz.ctx, await baseOf(rule, fz.ctx), value))),
        idempotencyKey: uniqueText(36),
      };
      const first = await send(fz, spec);
      if (first.status >= 500 || first.status === 429) return; // not stored, by design: a retry runs again
      const second = await send(fz, spec);
      if (second.status !== first.status || second.text !== first.text) {
        throw new CaseFailure(
          `replay differs: first ${first.status} ${first.text.slice(0, 120)}, replay ${second.status} ${second.text.slice(0, 120)}`,
          { spec, observed: second },
        );
      }
    },
  ),
);

const mismatchApi = property('the same key on another operation', 'general.key_mismatch_api', '*', 40, (fz) =>
  fc.asyncProperty(
    fc.tuple(fc.constantFrom(...CHEAP), fc.constantFrom(...CHEAP)).filter(([a, b]) => a !== b),
    async ([first, second]) => {
      const key = uniqueText(36);
      const a = { ...(await guarded(() => validRequest(fz.ctx, first))), idempotencyKey: key };
      expectSuccess(fz, a, await send(fz, a));
      const b = { ...(await guarded(() => validRequest(fz.ctx, second))), idempotencyKey: key };
      expectEntry(fz, 'general.key_mismatch_api', b, await send(fz, b));
    },
  ),
);

/** Operations whose valid request any account may send (it names no resource of the first account). */
const ANY_ACCOUNT: OperationName[] = ['Retrieve Issuing Balance', 'Create Cardholder'];

const mismatchAccount = property('the same key from another account', 'general.key_mismatch_account', '*', 20, (fz) =>
  fc.asyncProperty(
    fc.constantFrom(...CHEAP),
    fc.constantFrom(...ANY_ACCOUNT),
    fc.integer({ min: 16, max: 255 }),
    async (first, second, keyLength) => {
      const key = uniqueText(keyLength);
      const a = { ...(await guarded(() => validRequest(fz.ctx, first))), idempotencyKey: key };
      expectSuccess(fz, a, await send(fz, a));
      const b: RequestSpec = {
        ...(await guarded(() => validRequest(fz.ctx, second))),
        idempotencyKey: key,
        auth: { kind: 'credential', name: 'other-account' },
      };
      expectEntry(fz, 'general.key_mismatch_account', b, await send(fz, b));
    },
  ),
);

const concurrent = property(
  'of k concurrent duplicates exactly one executes',
  'general.request_being_processed',
  'Card Recharge',
  20,
  (fz) =>
    fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 100 }), async (k, cents) => {
      const cardId = await guarded(() =>
        fz.ctx.shared.once('fuzz-idempotency-card', () => newCard(fz.ctx, { limit: 10 })),
      );
      const spec: RequestSpec = {
        operation: 'Card Recharge',
        params: { card_id: cardId },
        body: { amount: cents }, // minor units (cents): the page gives amounts in the card currency's minor unit
        idempotencyKey: uniqueText(36),
      };
      const { held, first, duplicates } = await guarded(() => sendOverlapping(fz.ctx, spec, k));
      if (held) {
        // The first copy provably still ran: every duplicate must be refused, none may run.
        expectSuccess(fz, spec, first);
        for (const answer of duplicates) expectEntry(fz, 'general.request_being_processed', spec, answer);
        return;
      }
      const answers = [first, ...duplicates];
      const executed = new Set(answers.filter((a) => a.status < 300).map((a) => a.text));
      for (const answer of answers) {
        if (answer.status < 300) continue;
        expectEntry(fz, 'general.request_being_processed', spec, answer);
      }
      if (executed.size !== 1) {
        throw new CaseFailure(`${k} duplicates: ${executed.size} different successful answers (expected exactly 1)`, {
          spec,
          observed: first,
        });
      }
    }),
);

const malformed = property(
  'a malformed key on every operation that takes one',
  'general.invalid_key_format',
  '*',
  undefined,
  (fz) =>
    fc.asyncProperty(
      fc.constantFrom(...KEYED_OPERATIONS.filter((o) => CHEAP.includes(o) || o === 'Create Card')),
      fc.oneof(
        fc.constant(''),
        fc.integer({ min: 256, max: 2000 }).map((n) => uniqueText(n)),
      ),
      async (operation, key) => {
        const spec = {
          ...(await guarded(() =>
            fz.ctx.shared.once(`fuzz-keyed-${operation}`, () => validRequest(fz.ctx, operation)),
          )),
          idempotencyKey: key,
        };
        expectEntry(fz, 'general.invalid_key_format', spec, await send(fz, spec));
      },
    ),
);

export const IDEMPOTENCY_PROPERTIES: FuzzProperty[] = [replay, mismatchApi, mismatchAccount, concurrent, malformed];
