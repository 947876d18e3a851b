// Types of the machine-readable catalog. The JSON files are the source of truth; these types mirror
// schemas/catalog.schema.json and schemas/operations.schema.json, which are checked on load. Identifiers and an
// entry's vocabularies are the closed unions of ids.ts (generated from the JSON and the schemas by npm run gen:ids).

import type {
  EntryId,
  Envelope,
  ErrorType,
  MessageKind,
  OperationId,
  OperationName,
  RemediationAction,
  Section,
} from './ids.ts';

// An entry's vocabularies are the schemas' enums, generated into ids.ts with the ids.
export type { Envelope, ErrorType, MessageKind, RemediationAction, Section };

export interface Remediation {
  action: RemediationAction;
  hint: string;
}

/** '*' marks the general rows, which apply to every authenticated operation. */
export type OperationScope = '*' | OperationName[];

interface EntryBase {
  id: EntryId;
  section: Section;
  status: number;
  message: string | null;
  message_kind: MessageKind;
  /** The page's own words in the message cell when they are not the message (a description or an annotation). */
  page_note: string | null;
  missing_fields: boolean;
  /** Placeholder name → the request field whose value fills it (template entries only). */
  placeholders: Record<string, string>;
  operations: OperationScope;
  /** The operations cell as the page writes it, before expansion; null for the general rows. */
  operations_text: string | null;
  remediation: Remediation;
}

export interface EntryA extends EntryBase {
  envelope: 'A';
  type: ErrorType;
  code: string;
}

export interface EntryB extends EntryBase {
  envelope: 'B';
  code: number;
}

export type CatalogEntry = EntryA | EntryB;

export type HttpMethod = 'GET' | 'POST';

export interface Operation {
  /** The operation's name as the page writes it, e.g. "Card Recharge". */
  name: OperationName;
  /** A stable snake_case id, used in file names and report keys. */
  id: OperationId;
  method: HttpMethod;
  /** Path relative to the API base (which already ends in /api), e.g. /v1/issuing/cards/{card_id}. */
  path: string;
  /** Path parameters, in order of appearance. */
  path_params: string[];
  /** Whether the real API takes an x-idempotency-key header on this operation. */
  idempotency_key: boolean;
  /** Whether the operation changes state (never sent to production). */
  mutating: boolean;
  /** Simulator endpoints exist only in the sandbox. */
  sandbox_only: boolean;
  /** The page section whose heading lists the operation. */
  section: Exclude<Section, 'general'>;
}

/** Operations of the real API that the error page does not list (catalog/extra-operations.ts). */
export type ExtraOperation = Omit<Operation, 'name' | 'id'> &
  (
    | { name: 'List Products'; id: 'list_products' }
    | { name: 'Create Issuing Transfer'; id: 'create_issuing_transfer' }
    | { name: 'Retrieve Issuing Transfer'; id: 'retrieve_issuing_transfer' }
    | { name: 'Create Issuing Report'; id: 'create_issuing_report' }
    | { name: 'Retrieve Issuing Report'; id: 'retrieve_issuing_report' }
  );

/** Every operation the client can send and the mock serves: the documented ones and the extra ones. */
export type AnyOperation = Operation | ExtraOperation;
export type AnyOperationName = AnyOperation['name'];
export type AnyOperationId = AnyOperation['id'];

/**
 * What triggers an entry (catalog/triggers.json): a value, presence or shape of the request; the state of the
 * account, a card, a cardholder or a product; or a fault inside the vendor.
 */
export type TriggerKind = 'request-rule' | 'state' | 'internal';

export interface EntryTrigger {
  entry: EntryId;
  kind: TriggerKind;
  /** Operations on which the trigger is of another kind than `kind`. */
  by_operation?: Partial<Record<OperationName, TriggerKind>>;
}
