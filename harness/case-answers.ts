// Exact attribution: every answer a case receives (arrange, judged, twin and cleanup requests alike) is recorded on
// that case, never on a run-wide buffer that whichever case finishes next would drain. The owner travels with the
// asynchronous context (AsyncLocalStorage), so requests sent through any helper a case awaits are still its own;
// shared arranged state (generators/shared.ts) is built under an owner of its own, whichever case first needed it.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataFactory } from '../generators/data.ts';
import type { ShapeObservation } from './shapes.ts';

export interface Undocumented {
  operation: string;
  status: number;
  /** The body, redacted (card data, secrets and document contents masked). */
  body: unknown;
}

/** What one case (or one shared arrange) sent and received, and the data it draws from. */
export class CaseAnswers {
  /** Requests sent, status polls apart (their number is timing by nature). */
  requests = 0;
  polls = 0;
  /** Error answers that match no catalog entry. */
  readonly undocumented: Undocumented[] = [];
  /** The shape of every answer (success shapes, redacted error bodies). */
  readonly shapes: ShapeObservation[] = [];

  /**
   * data: the owner's own data stream (DataFactory.fork), so what it sends does not depend on the others. owner: its
   * label (the case's title and attempt, or the shared value's), which recorded requests carry (harness/recorder.ts).
   */
  constructor(
    readonly data?: DataFactory,
    readonly owner?: string,
  ) {}
}

const SHARED_OWNER = 'shared arrange ';

/** The owner of a shared arranged value's build ("shared arrange <value>"): what its reports and recordings name. */
export function sharedOwner(value: string): string {
  return `${SHARED_OWNER}${value}`;
}

/** Whether an owner is a shared arranged value's build rather than a case. */
export function isSharedOwner(owner: string | undefined): boolean {
  return owner?.startsWith(SHARED_OWNER) === true;
}

const owner = new AsyncLocalStorage<CaseAnswers>();

/** The answers of the case (or shared arrange) whose work is running now; undefined outside any. */
export function currentAnswers(): CaseAnswers | undefined {
  return owner.getStore();
}

/** Runs work with every request it sends, and every answer it receives, recorded on answers. */
export function attributeTo<T>(answers: CaseAnswers, work: () => Promise<T>): Promise<T> {
  return owner.run(answers, work);
}
