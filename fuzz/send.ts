// Sending one fuzz case and judging its answer with the harness's judge: a documented entry exactly (status, type,
// code, message by kind) or a 2xx. Environment trouble becomes CaseEnvironmentError, never a falsified property.

import { FixtureMissing } from '../contract/fixture-provider.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import { ArrangeError } from '../generators/types.ts';
import { TargetError, TokenError } from '../harness/client.ts';
import { judge, matchCatalog } from '../harness/judge.ts';
import { CaseEnvironmentError, CaseFailure, CaseSkipped, type FuzzContext } from './types.ts';

/** Runs an arrange step or request, turning environment trouble into CaseEnvironmentError (and nothing else). */
export async function guarded<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CaseFailure || error instanceof CaseEnvironmentError || error instanceof CaseSkipped)
      throw error;
    if (error instanceof FixtureMissing) throw new CaseSkipped(error.message);
    if (error instanceof ArrangeError || error instanceof TargetError || error instanceof TokenError) {
      throw new CaseEnvironmentError(error.message);
    }
    // Anything else is a bug in this project, not the target's doing: it stays itself, and crashes the run.
    throw error;
  }
}

export function send(fz: FuzzContext, spec: RequestSpec): Promise<Observed> {
  return guarded(() => fz.ctx.send(spec));
}

function environmentTrouble(observed: Observed): boolean {
  return observed.status >= 500 || observed.status === 429;
}

/** The answer must be exactly this catalog entry. */
export function expectEntry(
  fz: FuzzContext,
  entryId: string,
  spec: RequestSpec,
  observed: Observed,
  values: Record<string, string> = {},
): void {
  const verdict = judge(fz.entry(entryId), observed, values);
  if (verdict.outcome === 'pass') return;
  const sent = { spec, observed };
  if (verdict.outcome === 'error') throw new CaseEnvironmentError(verdict.reason, sent);
  throw new CaseFailure(`expected ${entryId}: ${verdict.reason}`, sent);
}

/** The answer must be a 2xx (the twin: a value just inside the boundary is accepted). */
export function expectSuccess(fz: FuzzContext, spec: RequestSpec, observed: Observed): void {
  if (observed.status >= 200 && observed.status < 300) return;
  const sent = { spec, observed };
  const said = `${observed.status} ${observed.text.slice(0, 160)}`;
  if (environmentTrouble(observed)) throw new CaseEnvironmentError(`the target answered ${said}`, sent);
  const entries = matchCatalog(fz.catalog, observed).map((e) => e.id);
  throw new CaseFailure(
    `expected a 2xx, got ${entries.length ? entries.join(' or ') : 'an undocumented'} ${said}`,
    sent,
  );
}

/** The ids of the documented entries an answer is exactly, closed envelope included (empty: undocumented). */
export function documentedAs(fz: FuzzContext, observed: Observed, values: Record<string, string> = {}): string[] {
  return matchCatalog(fz.catalog, observed)
    .filter((e) => judge(e, observed, values).outcome === 'pass')
    .map((e) => e.id);
}
