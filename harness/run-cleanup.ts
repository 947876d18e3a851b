// The cleanup step of npm run conformance, in the main process after vitest has finished or been cancelled: prepare
// the run's ledger, cancel what the run created (harness/cleanup.ts) and phrase the outcome for the summary.

import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetKind } from '../contract/request.ts';
import type { CleanupOutcome } from './cleanup.ts';
import { LEDGER_FILE, Ledger, ranOnBuiltInMock, readLedger } from './ledger.ts';

/**
 * A fresh ledger in the reports folder. A ledger left by an earlier run that did not finish its cleanup is kept
 * under another name, and said so, rather than overwritten.
 */
export function prepareLedger(
  reportsDir: string,
  run: { baseUrl: string; target: TargetKind; builtIn?: boolean; seed: number },
  log: (line: string) => void,
): string {
  const path = join(reportsDir, LEDGER_FILE);
  if (existsSync(path) && readLedger(path).some((r) => r.kind !== 'run')) {
    const kept = join(reportsDir, `ledger-${statSync(path).mtime.toISOString().replace(/[:.]/gu, '-')}.jsonl`);
    renameSync(path, kept);
    log(
      `conformance: an earlier run left a ledger; kept as ${kept} (finish it with: npm run cleanup -- --ledger ${kept})`,
    );
  } else if (existsSync(path)) unlinkSync(path);
  const ledger = new Ledger(path);
  ledger.append({
    kind: 'run',
    base_url: run.baseUrl,
    target: run.target,
    built_in: run.builtIn === true,
    seed: run.seed,
    started_at: new Date().toISOString(),
  });
  ledger.close();
  return path;
}

export interface RunCleanupInput {
  baseUrl: string;
  kind: TargetKind;
  ledgerPath: string;
  env: Record<string, string | undefined>;
  maxPerSecond?: number | undefined;
  timeoutMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** Cancels what the ledger lists, with the credentials the run used; the ledger is removed when nothing is left. */
export async function cleanupAfterRun(input: RunCleanupInput): Promise<CleanupOutcome> {
  // The built-in mock and every card in it end with the run: cancelling them would only cost requests.
  if (
    existsSync(input.ledgerPath) &&
    readLedger(input.ledgerPath).some((r) => r.kind === 'run' && ranOnBuiltInMock(r))
  ) {
    unlinkSync(input.ledgerPath);
    return { cancelled: 0, failed: 0, left: [], notNeeded: 'the built-in mock ends with the run' };
  }
  // Loaded only when there is something to cancel: the HTTP client (undici) is most of npm run conformance's start-up
  // imports, and a run on the built-in mock never needs it in the main thread.
  const [{ cleanupRun }, { EnvFixtures, MockFixtures }] = await Promise.all([
    import('./cleanup.ts'),
    import('./fixtures.ts'),
  ]);
  const fixtures =
    input.kind === 'mock' ? new MockFixtures(input.baseUrl) : new EnvFixtures(input.env, async () => null);
  const outcome = await cleanupRun({
    baseUrl: input.baseUrl,
    credential: (name) => fixtures.credential(name),
    ledgerPath: input.ledgerPath,
    ...(input.maxPerSecond ? { maxPerSecond: input.maxPerSecond } : {}),
    ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.log ? { log: input.log } : {}),
  });
  if (outcome.left.length === 0 && existsSync(input.ledgerPath)) unlinkSync(input.ledgerPath);
  return outcome;
}

/** "cleanup: cancelled 12, failed 0, left: none" — printed even with --quiet. */
export function cleanupLine(outcome: CleanupOutcome): string {
  if (outcome.notNeeded) return `cleanup: not needed (${outcome.notNeeded})`;
  const left = outcome.left.length ? `${outcome.left.length} LEFT LIVE: ${outcome.left.join(', ')}` : 'left: none';
  return `cleanup: cancelled ${outcome.cancelled}, failed ${outcome.failed}, ${left}`;
}
