// Scenarios for the general rows, on every operation each applies to: authentication, accounts,
// x-on-behalf-of, idempotency keys, request bodies, internal faults and the account-wide rate limit.
// Each takes the operation's valid request (valid-requests.ts) and adds exactly one fault.

import type { EntryId } from '../../catalog/ids.ts';
import { loadCatalog } from '../../catalog/load.ts';
import type { Operation } from '../../catalog/types.ts';
import { documentedOperationIds, FAULT_ONLY, FAULT_ONLY_ENTRIES, type FaultOnlyEntry } from '../../contract/faults.ts';
import type { CredentialName } from '../../contract/fixtures.ts';
import type { RequestSpec } from '../../contract/request.ts';
import type { Provocation, Scenario, ScenarioContext } from '../types.ts';
import { validRequest } from '../valid-requests.ts';

const catalog = loadCatalog();
const { operations } = catalog;

type Fault = (ctx: ScenarioContext, twin: RequestSpec, op: Operation) => Promise<Omit<Provocation, 'twin'>>;

interface GeneralRow {
  entry: EntryId;
  fault: string;
  appliesTo: (op: Operation) => boolean;
  provoke: Fault;
  /** The fault lets the request itself run once (a concurrent first copy), so the twin needs fresh resources. */
  freshTwin?: boolean;
}

const every = () => true;
const takesKey = (op: Operation) => op.idempotency_key;
const hasBody = (op: Operation) => op.method === 'POST';
const isList = (op: Operation) => op.name.startsWith('List ');
/** The operations the catalog documents a fault-only entry on. */
const documentedFor = (entry: FaultOnlyEntry) => {
  const ids = documentedOperationIds(catalog, entry);
  return (op: Operation) => ids === null || ids.includes(op.id);
};

const withCredential =
  (name: CredentialName): Fault =>
  async (_ctx, valid) => ({
    faulty: { ...valid, auth: { kind: 'credential', name } },
  });

const armed =
  (entry: FaultOnlyEntry): Fault =>
  async (ctx, valid, op) => {
    await ctx.fixtures.armFault({ kind: 'error', entry, operation: op.id, count: 1 });
    return { faulty: valid };
  };

/** A harmless POST on another endpoint, to bind an idempotency key first. */
const otherEndpoint = (ctx: ScenarioContext, op: Operation): RequestSpec =>
  op.name === 'Retrieve Issuing Balance'
    ? { operation: 'Create Cardholder', body: ctx.data.cardholder() }
    : { operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } };

const ROWS: GeneralRow[] = [
  {
    entry: 'general.unauthorized_error',
    fault: 'no token',
    appliesTo: every,
    provoke: async (_c, v) => ({ faulty: { ...v, auth: { kind: 'none' } } }),
  },
  {
    entry: 'general.unauthorized_error',
    fault: 'malformed token',
    appliesTo: every,
    provoke: async (_c, v) => ({ faulty: { ...v, auth: { kind: 'raw', value: 'Bearer not-a-token' } } }),
  },
  {
    entry: 'general.unauthorized_error',
    fault: 'expired token',
    appliesTo: every,
    provoke: async (ctx, v) => ({
      faulty: { ...v, auth: { kind: 'raw', value: `Bearer ${await ctx.fixtures.expiredToken()}` } },
    }),
  },
  {
    entry: 'general.b.login_expired',
    fault: 'token superseded by a newer one',
    appliesTo: every,
    provoke: async (ctx, v) => {
      const superseded = await ctx.mintToken('login-expiry');
      await ctx.mintToken('login-expiry');
      return { faulty: { ...v, auth: { kind: 'raw', value: `Bearer ${superseded}` } } };
    },
  },
  {
    entry: 'general.account_not_found',
    fault: 'key of a deactivated account',
    appliesTo: every,
    provoke: withCredential('deactivated-account'),
  },
  {
    entry: 'general.b.account_does_not_exist',
    fault: 'key of a deleted account',
    appliesTo: every,
    provoke: withCredential('deleted-account'),
  },
  {
    entry: 'general.user_not_found',
    fault: 'key of a deactivated user',
    appliesTo: every,
    provoke: withCredential('deactivated-user'),
  },
  {
    entry: 'general.forbidden',
    fault: 'key without the sensitive-details permission',
    appliesTo: (op) => op.name === 'Retrieve Sensitive Card Details',
    provoke: withCredential('no-sensitive-permission'),
  },
  {
    entry: 'general.sub_account_not_found',
    fault: 'unknown sub-account in x-on-behalf-of',
    appliesTo: every,
    provoke: async (ctx, v) => ({ faulty: { ...v, onBehalfOf: ctx.data.uuid() } }),
  },
  {
    entry: 'general.invalid_request_error',
    fault: 'malformed id or out-of-range value',
    appliesTo: every,
    provoke: async (_ctx, v, op) => {
      const param = op.path_params[0];
      if (param) return { faulty: { ...v, params: { ...v.params, [param]: 'not-a-uuid' } } };
      if (isList(op)) return { faulty: { ...v, query: { ...v.query, page_size: '5' } } };
      return { faulty: { ...v, onBehalfOf: 'not-a-uuid' } };
    },
  },
  {
    entry: 'general.b.request_parameters_invalid',
    fault: 'body that is not an object, or a non-numeric page size',
    appliesTo: (op) => hasBody(op) || isList(op),
    provoke: async (_ctx, v, op) =>
      hasBody(op)
        ? { faulty: { ...withoutBody(v), rawBody: '[]', contentType: 'application/json' } }
        : { faulty: { ...v, query: { ...v.query, page_size: 'ten' } } },
  },
  {
    entry: 'general.b.params_json_error',
    fault: 'malformed JSON',
    appliesTo: hasBody,
    provoke: async (_ctx, v) => ({
      faulty: { ...withoutBody(v), rawBody: '{"amount": 1,', contentType: 'application/json' },
    }),
  },
  {
    entry: 'general.b.params_json_error',
    fault: 'non-JSON content type',
    // Create Card documents its own answer to a wrong content type.
    appliesTo: (op) => hasBody(op) && op.name !== 'Create Card',
    provoke: async (_ctx, v) => ({ faulty: { ...v, contentType: 'text/plain' } }),
  },
  {
    entry: 'general.invalid_key_format',
    fault: 'empty idempotency key',
    appliesTo: takesKey,
    provoke: async (_ctx, v) => ({ faulty: { ...v, idempotencyKey: '' } }),
  },
  {
    entry: 'general.invalid_key_format',
    fault: 'idempotency key over 255 characters',
    appliesTo: takesKey,
    provoke: async (_ctx, v) => ({ faulty: { ...v, idempotencyKey: 'k'.repeat(256) } }),
  },
  {
    entry: 'general.key_mismatch_api',
    fault: 'idempotency key first used on another endpoint',
    appliesTo: takesKey,
    provoke: async (ctx, v, op) => {
      const key = ctx.data.idempotencyKey();
      await ctx.arrange({ ...otherEndpoint(ctx, op), idempotencyKey: key });
      return { faulty: { ...v, idempotencyKey: key } };
    },
  },
  {
    entry: 'general.key_mismatch_account',
    fault: 'idempotency key first used by another account',
    appliesTo: takesKey,
    provoke: async (ctx, v) => {
      const key = ctx.data.idempotencyKey();
      // Any final answer binds the key to the other account; on path operations it cannot see this account's ids.
      // A 5xx or 429 binds nothing (the key stays free), so that answer is checked.
      await ctx.setup({ ...v, auth: { kind: 'credential', name: 'other-account' }, idempotencyKey: key });
      return { faulty: { ...v, idempotencyKey: key } };
    },
  },
  {
    entry: 'general.request_being_processed',
    fault: 'same idempotency key while the first request is in flight',
    appliesTo: takesKey,
    freshTwin: true,
    provoke: async (ctx, v, op) => {
      const key = ctx.data.idempotencyKey();
      // On the mock the first copy is held until the duplicate was answered (harness/in-flight.ts); elsewhere timing.
      if (ctx.fixtures.awaitHeld) await ctx.fixtures.armFault({ kind: 'hold', operation: op.id, count: 1 });
      return { faulty: { ...v, idempotencyKey: key }, concurrent: { ...v, idempotencyKey: key } };
    },
  },
  ...FAULT_ONLY_ENTRIES.map(
    (entry): GeneralRow => ({
      entry,
      fault: `${FAULT_ONLY[entry]} (armed fault)`,
      appliesTo: documentedFor(entry),
      provoke: armed(entry),
    }),
  ),
];

function withoutBody(spec: RequestSpec): RequestSpec {
  const { body: _body, ...rest } = spec;
  return rest;
}

export const generalScenarios: Scenario[] = ROWS.flatMap((row) =>
  operations.filter(row.appliesTo).map(
    (op): Scenario => ({
      entry: row.entry,
      operation: op.name,
      fault: row.fault,
      provoke: async (ctx) => {
        const base = await validRequest(ctx, op.name);
        const provocation = await row.provoke(ctx, base, op);
        return { ...provocation, twin: row.freshTwin ? await validRequest(ctx, op.name) : base };
      },
    }),
  ),
);
