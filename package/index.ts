// The library entry of the npm package `uqpay-error-conformance`: the catalog of the UQPAY Card Issuance API's
// documented errors, typed, and classify() to tell which of them an answer is. Compiled to dist/ by npm run build.

export type { EntryId, ErrorCode, OperationId, OperationName } from '../catalog/ids.ts';
export { ENTRY_IDS, ERROR_CODES, OPERATION_IDS, OPERATION_NAMES } from '../catalog/ids.ts';
export type { ErrorType, MessageKind, Operation, Remediation, RemediationAction, Section } from '../catalog/types.ts';
export { type Answer, type ClassifyOptions, type ClassifyResult, classify, type HeadersLike } from './classify.ts';
export { catalog, type Entry, type EnvelopeAEntry, type EnvelopeBEntry, type PublicCatalog } from './entries.ts';
