// Structural fuzz on every operation: the valid request with its body replaced by arbitrary JSON, a field dropped,
// a field (known or extra) set to a wrong type, a huge string, unicode or an array where an object belongs, or
// malformed JSON. The answer must be a 2xx or a documented catalog entry; never a 5xx, never an undocumented body,
// never a hang. Undocumented answers also go into the drift section of the report.

import fc from 'fast-check';
import { OPERATION_NAMES, type OperationName } from '../catalog/ids.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import { createCardBody, newCardholder } from '../generators/arrange.ts';
import { validRequest } from '../generators/valid-requests.ts';
import { TargetError, TokenError } from '../harness/client.ts';
import { redactText, redactValue } from '../harness/redact.ts';
import { REQUEST_SHAPES } from './request-shapes.ts';
import { documentedAs, guarded } from './send.ts';
import { type Mutation, mutationValidity } from './structural-validity.ts';
import { CaseEnvironmentError, CaseFailure, type FuzzContext, type FuzzProperty } from './types.ts';

export type { Mutation };

/** Every list's filters, for query mutations on any GET. */
const LIST_FILTERS = [...new Set(Object.values(REQUEST_SHAPES).flatMap((shape) => Object.keys(shape.query)))];

const HUGE = (n: number) => 'x'.repeat(n);
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Any code points, lone surrogates included; built from numbers, because fc.string({ unit: 'binary' }) spends
  // seconds at start-up tokenising its default slices (bench/README.md, fuzz start-up).
  fc.array(fc.nat({ max: 0x10ffff }), { maxLength: 40 }).map((points) => String.fromCodePoint(...points)),
  fc.integer({ min: 1000, max: 200_000 }).map(HUGE),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0.000001, '', ' ', '0', 'null', [], {}, [{}]),
);

/** A path id: malformed (never "." or "..", which a URL resolves away) or well-formed. */
function pathIdMutation(params: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constant('param' as const),
    key: fc.constantFrom(...params),
    value: fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }).filter((v) => v !== '.' && v !== '..'),
      fc.uuid(),
      fc.constantFrom('0', 'null', 'undefined', '%', ' ', 'x'.repeat(300)),
    ),
  });
}

function mutation(
  keys: readonly string[],
  isGet: boolean,
  params: readonly string[],
  filters: readonly string[],
): fc.Arbitrary<Mutation> {
  const ofPath = params.length ? [pathIdMutation(params)] : [];
  const key = fc.oneof(fc.constantFrom(...keys, 'extra_field'), fc.string({ minLength: 1, maxLength: 12 }));
  if (isGet) {
    return fc.oneof(
      fc.record({
        kind: fc.constant('query' as const),
        // The operation's own filters first (fuzz/request-shapes.ts), then any list's, then any name.
        key: fc.oneof(fc.constantFrom(...filters), fc.constantFrom(...LIST_FILTERS), key),
        value: fc.string({ maxLength: 300 }),
      }),
      ...ofPath,
    );
  }
  return fc.oneof(
    ...ofPath,
    fc.record({
      kind: fc.constant('replace-body' as const),
      value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.object(), { maxLength: 3 })),
    }),
    fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...keys, 'absent') }),
    fc.record({ kind: fc.constant('set' as const), key, value: weird }),
    fc.record({
      kind: fc.constant('raw' as const),
      text: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{', '{"a":', '[1,', '{"a":1}}', 'null', '"text"', '{"a":1,}'),
      ),
    }),
  );
}

export function applyMutation(spec: RequestSpec, m: Mutation): RequestSpec {
  const body = (spec.body && typeof spec.body === 'object' ? spec.body : {}) as Record<string, unknown>;
  switch (m.kind) {
    case 'replace-body':
      return { ...spec, body: m.value };
    case 'drop':
      return { ...spec, body: Object.fromEntries(Object.entries(body).filter(([k]) => k !== m.key)) };
    case 'set':
      return { ...spec, body: { ...body, [m.key]: m.value } };
    case 'raw':
      return { ...spec, body: undefined, rawBody: m.text };
    case 'query':
      return { ...spec, query: { ...spec.query, [m.key]: m.value } };
    case 'param':
      return { ...spec, params: { ...spec.params, [m.key]: m.value } };
  }
}

/** Keys a valid body of each operation may carry (for drops and wrong types), from the valid request itself. */
const operationOf = new Map(loadCatalog().operations.map((o) => [o.name, o]));

/** Limited per card (3 calls in 10 s): each case gets its own card, so fewer cases. */
const PER_CARD_LIMITED = new Set(['Retrieve Sensitive Card Details', 'Create PAN Token']);

export function structuralProperty(operation: OperationName): FuzzProperty {
  const isGet = operationOf.get(operation)?.method === 'GET';
  const params = operationOf.get(operation)?.path_params ?? [];
  const own = Object.keys(REQUEST_SHAPES[operation].query);
  const filters = own.length ? own : LIST_FILTERS;
  const freshBase = PER_CARD_LIMITED.has(operation);
  return {
    name: `structural › ${operation}`,
    entry: null,
    operation,
    kind: 'structural',
    note: 'an invalid request is refused with a documented entry, a valid one may succeed; never a 5xx, an undocumented body or a hang',
    ...(freshBase ? { maxRuns: 30 } : {}),
    // First a request every target must refuse with a documented entry: a non-object body, a non-numeric page.
    examples: [[isGet ? { kind: 'query', key: 'page_size', value: 'ten' } : { kind: 'replace-body', value: [] }]],
    build: (fz: FuzzContext) => {
      let base: Promise<RequestSpec> | undefined;
      // The base's own keys are known only once it is built; a generous fixed list covers every operation's fields.
      return fc.asyncProperty(mutation(KNOWN_KEYS, isGet, params, filters), async (m) => {
        if (freshBase) base = undefined;
        base ??= guarded(() => baseRequest(fz, operation));
        const valid = await base;
        const spec = applyMutation(valid, m);
        const validity = mutationValidity(operation, valid, m);
        judgeAnswer(fz, operation, validity, { spec, observed: await sendMutated(fz, spec) });
      });
    },
  };
}

/** Sends the mutated request: a timeout is a hang (a failure), other network trouble the environment's. */
async function sendMutated(fz: FuzzContext, spec: RequestSpec): Promise<Observed> {
  try {
    return await fz.ctx.send(spec);
  } catch (error) {
    if (error instanceof TargetError && error.kind === 'timeout') {
      throw new CaseFailure(`no answer in time (a hang): ${error.message}`, { spec, observed: null });
    }
    if (!(error instanceof TargetError || error instanceof TokenError)) throw error; // a bug: crash
    throw new CaseEnvironmentError(error.message, { spec, observed: null });
  }
}

/**
 * A 2xx is fine unless the mutation made the request invalid; a refusal must be a documented entry. Answers to
 * mutations the page leaves open are observed; anything else (a 5xx, an undocumented body) is drift and fails.
 */
function judgeAnswer(
  fz: FuzzContext,
  operation: OperationName,
  validity: ReturnType<typeof mutationValidity>,
  sent: { spec: RequestSpec; observed: Observed },
): void {
  const { spec, observed } = sent;
  if (observed.status >= 200 && observed.status < 300) {
    if (validity.kind === 'invalid')
      throw new CaseFailure(`answered ${observed.status} to an invalid request: ${validity.why}`, sent);
    if (validity.kind === 'observe') observeShape(fz, operation, validity.why, `${observed.status}`);
    return;
  }
  // A template naming the id sent (transaction.invalid_request_error's <id>) takes the request's path id.
  const values = { id: Object.values(spec.params ?? {})[0] ?? '' };
  const documented = observed.status < 500 ? documentedAs(fz, observed, values) : [];
  if (documented.length > 0) {
    if (validity.kind === 'observe') observeShape(fz, operation, validity.why, documented.join(' or '));
    return;
  }
  if (observed.status === 429) throw new CaseEnvironmentError('the target rate-limited the request (429)', sent);
  fz.drift.push({
    property: `structural › ${operation}`,
    operation,
    status: observed.status,
    body: observed.json === undefined ? redactText(observed.text.slice(0, 300)) : redactValue(observed.json),
  });
  throw new CaseFailure(
    `${observed.status >= 500 ? 'a 5xx' : 'an undocumented answer'}: ${observed.status} ${redactText(observed.text.slice(0, 160))}`,
    sent,
  );
}

const KNOWN_KEYS = [
  'card_id',
  'cardholder_id',
  'card_product_id',
  'card_currency',
  'card_limit',
  'card_status',
  'update_reason',
  'amount',
  'metadata',
  'spending_controls',
  'risk_controls',
  'email',
  'first_name',
  'last_name',
  'phone_number',
  'country_code',
  'date_of_birth',
  'gender',
  'identity',
  'kyc_verification',
  'residential_address',
  'currency',
  'transaction_id',
  'transaction_amount',
  'transaction_currency',
  'merchant_category_code',
  'merchant_name',
  'channel',
  'activation_code',
  'pin',
  'card_number',
  'card_mode',
  'no_pin_payment_amount',
  'card_type',
];

/** Where the page leaves a mutation's answer open: counted per answer, for fuzz.json's structural observations. */
function observeShape(fz: FuzzContext, operation: string, what: string, answer: string): void {
  const key = `structural › ${operation} › ${what}`;
  const seen = fz.shapeObservations.get(key) ?? {};
  seen[answer] = (seen[answer] ?? 0) + 1;
  fz.shapeObservations.set(key, seen);
}

/**
 * The valid request a property mutates. Create Card gets a cardholder of its own: mutations that still succeed
 * issue cards, and the shared cardholders must stay below the per-cardholder card cap.
 */
async function baseRequest(fz: FuzzContext, operation: OperationName): Promise<RequestSpec> {
  if (operation !== 'Create Card') return validRequest(fz.ctx, operation);
  return { operation, body: await createCardBody(fz.ctx, { cardholderId: await newCardholder(fz.ctx) }) };
}

export function allStructuralProperties(): FuzzProperty[] {
  return OPERATION_NAMES.map(structuralProperty);
}
