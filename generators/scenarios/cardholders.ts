// Scenarios for the cardholder rows that are not field rules: lookups, the review lock and duplicates on the
// cardholder operations, and the cardholder rows of Create Card (existing cardholder and one-step issuance).
// The field rules are in cardholders-fields.ts; `cardholderScenarios` is both.

import type { EntryId } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody, newCardholder, sharedCardholder } from '../arrange.ts';
import type { Scenario, ScenarioContext } from '../types.ts';
import { cardholderFieldScenarios } from './cardholders-fields.ts';

type Fields = Record<string, unknown>;

const update = (cardholderId: string, body: Fields): RequestSpec => ({
  operation: 'Update Cardholder',
  params: { cardholder_id: cardholderId },
  body,
});
const createCard = (body: Fields): RequestSpec => ({ operation: 'Create Card', body });

/** A Create Card body for one-step issuance: no cardholder_id, the cardholder in cardholder_required_fields. */
async function oneStep(ctx: ScenarioContext, fields: Fields): Promise<Fields> {
  const { cardholder_id: _, ...card } = await createCardBody(ctx, { cardholderId: 'one-step' });
  return { ...card, cardholder_required_fields: fields };
}

/** A cardholder already holding the taken value; the faulty request reuses it, the valid one a fresh one. */
function duplicateOn(operation: 'Create Cardholder' | 'Create Card', field: 'email' | 'phone_number'): Scenario {
  return {
    entry: field === 'email' ? 'cardholder.email_duplicated' : 'cardholder.phone_number_duplicated',
    operation,
    fault: `${field === 'email' ? 'email' : 'phone number'} of an existing cardholder`,
    provoke: async (ctx) => {
      const taken = field === 'email' ? ctx.data.email() : ctx.data.phone();
      await newCardholder(ctx, { [field]: taken });
      const fields = ctx.data.cardholder();
      const send = async (f: Fields) =>
        operation === 'Create Cardholder' ? { operation, body: f } : createCard(await oneStep(ctx, f));
      return { faulty: await send({ ...fields, [field]: taken }), twin: await send(fields) };
    },
  };
}

/** A fixture cardholder whose KYC state refuses a card; the twin issues to a cardholder that may have one. */
function refusedHolder(entry: EntryId, fixture: 'kyc-pending' | 'kyc-failed' | 'document-under-review'): Scenario {
  return {
    entry,
    operation: 'Create Card',
    fault: `cardholder ${fixture}`,
    provoke: async (ctx) => ({
      faulty: createCard(await createCardBody(ctx, { cardholderId: await ctx.fixtures.cardholder(fixture) })),
      twin: createCard(await createCardBody(ctx)),
    }),
  };
}

const lookups: Scenario[] = [
  {
    entry: 'cardholder.cardholder_not_found',
    operation: 'Retrieve Cardholder',
    fault: 'cardholder id that exists nowhere',
    provoke: async (ctx) => ({
      faulty: { operation: 'Retrieve Cardholder', params: { cardholder_id: ctx.data.uuid() } },
      twin: { operation: 'Retrieve Cardholder', params: { cardholder_id: await sharedCardholder(ctx) } },
    }),
  },
  {
    entry: 'cardholder.cardholder_not_found',
    operation: 'Update Cardholder',
    fault: 'deactivated cardholder',
    provoke: async (ctx) => ({
      faulty: update(await ctx.fixtures.cardholder('deactivated'), { gender: 'FEMALE' }),
      twin: update(await newCardholder(ctx), { gender: 'FEMALE' }),
    }),
  },
  {
    entry: 'cardholder.cardholder_cannot_update_during_review',
    operation: 'Update Cardholder',
    fault: 'nationality update on a cardholder whose KYC is under review',
    provoke: async (ctx) => ({
      faulty: update(await ctx.fixtures.cardholder('kyc-pending'), { nationality: 'SG' }),
      twin: update(await newCardholder(ctx), { nationality: 'SG' }),
    }),
  },
  {
    entry: 'cardholder.document_duplicated',
    operation: 'Update Cardholder',
    fault: 'identity that already passed review on this cardholder',
    provoke: async (ctx) => {
      const identity = ctx.data.identity();
      const holderId = await newCardholder(ctx, {
        identity,
        kyc_verification: {
          method: 'THIRD_PARTY',
          kyc_proof: { provider: 'SUMSUB', reference_id: ctx.data.referenceId() },
        },
      });
      return {
        faulty: update(holderId, { identity }),
        twin: update(holderId, { identity: ctx.data.identity() }),
      };
    },
  },
  duplicateOn('Create Cardholder', 'email'),
  duplicateOn('Create Cardholder', 'phone_number'),
];

const createCardRows: Scenario[] = [
  {
    entry: 'cardholder.bin_required_fields_not_configured',
    operation: 'Create Card',
    fault: 'product whose BIN has no required_fields configuration',
    provoke: async (ctx) => ({
      faulty: createCard(await createCardBody(ctx, { product: 'bin-fields-unconfigured' })),
      twin: createCard(await createCardBody(ctx)),
    }),
  },
  {
    entry: 'cardholder.cardholder_missing_info',
    operation: 'Create Card',
    fault: 'neither cardholder_id nor cardholder_required_fields',
    provoke: async (ctx) => {
      const { cardholder_id: _, ...bare } = await createCardBody(ctx, { cardholderId: 'none' });
      return { faulty: createCard(bare), twin: createCard(await createCardBody(ctx)) };
    },
  },
  {
    entry: 'cardholder.cardholder_not_found',
    operation: 'Create Card',
    fault: 'cardholder_id that exists nowhere',
    provoke: async (ctx) => ({
      faulty: createCard(await createCardBody(ctx, { cardholderId: ctx.data.uuid() })),
      twin: createCard(await createCardBody(ctx)),
    }),
  },
  refusedHolder('cardholder.cardholder_kyc_pending', 'kyc-pending'),
  refusedHolder('cardholder.cardholder_kyc_failed', 'kyc-failed'),
  refusedHolder('cardholder.document_review_required', 'document-under-review'),
  {
    entry: 'cardholder.kyc_insufficient',
    operation: 'Create Card',
    fault: 'cardholder without the fields an enhanced-KYC product requires',
    provoke: async (ctx) => {
      const complete = await newCardholder(ctx, {
        nationality: 'SG',
        residential_address: ctx.data.residentialAddress(),
        identity: ctx.data.identity(),
      });
      const body = (cardholderId: string) => createCardBody(ctx, { product: 'enhanced-kyc', cardholderId });
      return { faulty: createCard(await body(await newCardholder(ctx))), twin: createCard(await body(complete)) };
    },
  },
  {
    entry: 'cardholder.supplement_fields_incomplete',
    operation: 'Create Card',
    fault: 'supplement for an enhanced-KYC product without identity',
    provoke: async (ctx) => {
      const body = await createCardBody(ctx, { product: 'enhanced-kyc', cardholderId: await newCardholder(ctx) });
      const partial = { nationality: 'SG', residential_address: ctx.data.residentialAddress() };
      return {
        faulty: createCard({ ...body, cardholder_required_fields: partial }),
        twin: createCard({ ...body, cardholder_required_fields: { ...partial, identity: ctx.data.identity() } }),
      };
    },
  },
  {
    entry: 'cardholder.cardholder_incomplete_fields',
    operation: 'Create Card',
    fault: 'one-step cardholder without phone_number',
    provoke: async (ctx) => {
      const fields = ctx.data.cardholder();
      const { phone_number: _, ...withoutPhone } = fields;
      return { faulty: createCard(await oneStep(ctx, withoutPhone)), twin: createCard(await oneStep(ctx, fields)) };
    },
  },
  {
    entry: 'cardholder.cardholder_already_exists',
    operation: 'Create Card',
    fault: "one-step cardholder with an existing cardholder's identity number",
    provoke: async (ctx) => {
      const taken = ctx.data.identity();
      await newCardholder(ctx, { identity: taken });
      const fields = ctx.data.cardholder();
      const identity = ctx.data.identity();
      return {
        faulty: createCard(await oneStep(ctx, { ...fields, identity: { ...identity, number: taken.number } })),
        twin: createCard(await oneStep(ctx, { ...fields, identity })),
      };
    },
  },
  duplicateOn('Create Card', 'email'),
  duplicateOn('Create Card', 'phone_number'),
];

export const cardholderScenarios: Scenario[] = [...lookups, ...createCardRows, ...cardholderFieldScenarios];
