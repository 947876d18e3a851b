// Scenarios for the cardholder field rules (mock/RULES.md §Cardholders), each on every operation that documents it:
// Create Cardholder, Update Cardholder and one-step Create Card (the fields inside cardholder_required_fields).
// A fault is a valid fragment of cardholder fields plus the one edit that breaks it.

import type { EntryId } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody, newCardholder } from '../arrange.ts';
import { TINY_PNG_BASE64 } from '../data.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

type Fields = Record<string, unknown>;
type Target = 'Create Cardholder' | 'Update Cardholder' | 'Create Card';

interface FieldFault {
  entry: EntryId;
  fault: string;
  targets: Target[];
  /** The valid fields the fault edits (fresh values on every call). */
  base(ctx: ScenarioContext): Fields;
  /** Edits a deep copy of the valid fields (the whole cardholder payload) to carry the fault. */
  spoil(fields: Fields, ctx: ScenarioContext): void | Promise<void>;
  /** Update Cardholder: the updated cardholder is created without a date of birth. */
  holderWithoutBirthDate?: boolean;
}

const ALL: Target[] = ['Create Cardholder', 'Update Cardholder', 'Create Card'];
const NEW: Target[] = ['Create Cardholder', 'Create Card'];
/** Decoded, this is one byte over the 2 MB limit. */
const OVERSIZED_BASE64 = 'A'.repeat(((2 * 1024 * 1024 + 1) / 3) * 4);

const obj = (value: unknown) => value as Fields;
const withBirthDate = (ctx: ScenarioContext, fields: Fields): Fields => ({
  ...fields,
  date_of_birth: ctx.data.adultBirthDate(),
});
const documentFields = (ctx: ScenarioContext) =>
  withBirthDate(ctx, { document_type: 'png', document: TINY_PNG_BASE64 });
const thirdParty = (ctx: ScenarioContext): Fields => ({
  kyc_verification: {
    method: 'THIRD_PARTY',
    kyc_proof: { provider: 'SUMSUB', reference_id: ctx.data.referenceId() },
  },
});
const under18 = () => `${new Date().getUTCFullYear() - 10}-06-15`;

/** The object that holds the field at a dotted path ("kyc_verification.kyc_proof.reference_id"), and its key. */
function holderOf(fields: Fields, path: string): [Fields, string] {
  const keys = path.split('.');
  const key = keys.pop() ?? path;
  return [keys.reduce((o, k) => obj(o[k]), fields), key];
}

/** Spoils that edit one field at a dotted path: set it, change its valid value, or remove it. */
const setting = (path: string, value: unknown) => (f: Fields) => {
  const [holder, key] = holderOf(f, path);
  holder[key] = value;
};
const changing = (path: string, change: (valid: unknown) => unknown) => (f: Fields) => {
  const [holder, key] = holderOf(f, path);
  holder[key] = change(holder[key]);
};
const dropping = (path: string) => (f: Fields) => {
  const [holder, key] = holderOf(f, path);
  delete holder[key];
};

const FAULTS: FieldFault[] = [
  {
    entry: 'cardholder.invalid_first_name',
    fault: 'first_name with a leading space',
    targets: NEW,
    base: (ctx) => ({ first_name: ctx.data.name() }),
    spoil: changing('first_name', (name) => ` ${String(name)}`),
  },
  {
    entry: 'cardholder.invalid_last_name',
    fault: 'last_name with a digit',
    targets: NEW,
    base: (ctx) => ({ last_name: ctx.data.name() }),
    spoil: changing('last_name', (name) => `${String(name)}3`),
  },
  {
    entry: 'cardholder.invalid_phone_number',
    fault: 'phone_number with a + prefix and a space',
    targets: ALL,
    base: (ctx) => ({ phone_number: ctx.data.phone() }),
    spoil: changing('phone_number', (phone) => `+65 ${String(phone)}`),
  },
  {
    entry: 'cardholder.invalid_date_of_birth',
    fault: 'date_of_birth of a ten-year-old',
    targets: ['Create Cardholder', 'Update Cardholder'],
    base: (ctx) => ({ date_of_birth: ctx.data.adultBirthDate() }),
    spoil: changing('date_of_birth', under18),
  },
  {
    entry: 'cardholder.invalid_delivery_address',
    fault: 'delivery_address without postal_code',
    targets: ALL,
    base: () => ({
      delivery_address: {
        line1: '1 Raffles Place',
        city: 'Singapore',
        state: 'Singapore',
        postal_code: '048616',
        country: 'SG',
      },
    }),
    spoil: dropping('delivery_address.postal_code'),
  },
  {
    entry: 'cardholder.invalid_identity_type',
    fault: 'identity type DRIVER_LICENSE',
    targets: ALL,
    base: (ctx) => withBirthDate(ctx, { identity: ctx.data.identity() }),
    spoil: setting('identity.type', 'DRIVER_LICENSE'),
  },
  {
    entry: 'cardholder.identity_file_missing',
    fault: 'ID_CARD identity without back_file',
    targets: ALL,
    base: (ctx) => withBirthDate(ctx, { identity: ctx.data.identity({ type: 'ID_CARD', back_file: TINY_PNG_BASE64 }) }),
    spoil: dropping('identity.back_file'),
  },
  {
    entry: 'cardholder.file_type_not_supported',
    fault: 'document_type gif',
    targets: ALL,
    base: documentFields,
    spoil: setting('document_type', 'gif'),
  },
  {
    entry: 'cardholder.invalid_file_content',
    fault: 'document with a data-URL prefix',
    targets: ALL,
    base: documentFields,
    spoil: setting('document', `data:image/png;base64,${TINY_PNG_BASE64}`),
  },
  {
    entry: 'cardholder.document_size_exceeded',
    fault: 'document one byte over 2 MB',
    targets: ALL,
    base: documentFields,
    spoil: setting('document', OVERSIZED_BASE64),
  },
  {
    entry: 'cardholder.missing_date_of_birth',
    fault: 'identity without date_of_birth',
    targets: ALL,
    base: (ctx) => withBirthDate(ctx, { identity: ctx.data.identity() }),
    spoil: dropping('date_of_birth'),
    holderWithoutBirthDate: true,
  },
  {
    entry: 'cardholder.invalid_kyc_method',
    fault: 'KYC method MANUAL_REVIEW',
    targets: ALL,
    base: thirdParty,
    spoil: setting('kyc_verification.method', 'MANUAL_REVIEW'),
  },
  {
    entry: 'cardholder.missing_country_code',
    fault: 'SUMSUB_REDIRECT with an empty country_code',
    targets: ALL,
    base: () => ({ country_code: 'SG', kyc_verification: { method: 'SUMSUB_REDIRECT' } }),
    spoil: setting('country_code', ''),
  },
  {
    entry: 'cardholder.kyc_proof_required',
    fault: 'THIRD_PARTY without kyc_proof',
    targets: ALL,
    base: thirdParty,
    spoil: dropping('kyc_verification.kyc_proof'),
  },
  {
    entry: 'cardholder.reference_id_too_short',
    fault: 'reference_id of 9 characters',
    targets: ALL,
    base: thirdParty,
    spoil: setting('kyc_verification.kyc_proof.reference_id', 'ref-12345'),
  },
  {
    entry: 'cardholder.reference_id_duplicated',
    fault: "reference_id of another cardholder's KYC proof",
    targets: ALL,
    base: thirdParty,
    spoil: async (f, ctx) => {
      const taken = thirdParty(ctx);
      await newCardholder(ctx, taken);
      obj(obj(f.kyc_verification).kyc_proof).reference_id = obj(obj(taken.kyc_verification).kyc_proof).reference_id;
    },
  },
];

/** The faulty request and its twin of one fault on one operation. */
async function provokeOn(target: Target, fault: FieldFault, ctx: ScenarioContext) {
  const base = fault.base(ctx);
  // Create Cardholder and one-step Create Card send a whole cardholder; Update Cardholder only the fragment.
  const twin = target === 'Update Cardholder' ? base : ctx.data.cardholder(base);
  const spoiled = structuredClone(twin);
  await fault.spoil(spoiled, ctx);
  const request = await requestFor(target, fault, ctx);
  return { faulty: request(spoiled), twin: request(twin) };
}

async function requestFor(target: Target, fault: FieldFault, ctx: ScenarioContext) {
  if (target === 'Create Cardholder') {
    return (body: Fields): RequestSpec => ({ operation: target, body });
  }
  if (target === 'Update Cardholder') {
    const holderId = await newCardholder(ctx, fault.holderWithoutBirthDate ? { date_of_birth: undefined } : {});
    return (body: Fields): RequestSpec => ({ operation: target, params: { cardholder_id: holderId }, body });
  }
  const { cardholder_id: _, ...card } = await createCardBody(ctx, { cardholderId: 'one-step' });
  return (fields: Fields): RequestSpec => ({
    operation: target,
    body: { ...card, cardholder_required_fields: fields },
  });
}

export const cardholderFieldScenarios: Scenario[] = FAULTS.flatMap((fault) =>
  fault.targets.map(
    (target): Scenario => ({
      entry: fault.entry,
      operation: target,
      fault: target === 'Create Card' ? `one-step cardholder: ${fault.fault}` : fault.fault,
      provoke: (ctx) => provokeOn(target, fault, ctx),
    }),
  ),
);
