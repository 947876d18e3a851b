// The fuzz section of npm run selfcheck: every kill variant (fuzz/kill-variants.ts) judged by its own property
// (fuzz/kill-rate.ts); prints "fuzz kill rate: K/N", each survivor, and writes the same to <reports>/fuzz-kill-rate.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzKillRate, type KillRate } from '../fuzz/kill-rate.ts';

export interface FuzzSectionOptions {
  seed: number;
  numRuns: number;
  concurrency: number;
  reportsDir: string;
  filter?: string;
}

export const KILL_REPORT = 'fuzz-kill-rate.json';

export async function fuzzSection(options: FuzzSectionOptions): Promise<KillRate> {
  const rate = await fuzzKillRate({
    seed: options.seed,
    numRuns: options.numRuns,
    concurrency: options.concurrency,
    ...(options.filter ? { filter: options.filter } : {}),
    onProgress: (done, total) => {
      if (done % 25 === 0 || done === total) console.log(`[selfcheck] ${done}/${total} fuzz variants judged`);
    },
  });
  for (const b of rate.baseline_broken)
    console.log(`  baseline ${b.property}: ${b.outcome} against the faithful mock — ${b.reason ?? ''}`);
  for (const v of rate.variants.filter((o) => !o.killed))
    console.log(
      `  survivor ${v.variant}: ${v.property} ${v.outcome} after ${v.runs} runs${v.reason ? ` — ${v.reason}` : ''}`,
    );
  const pct = rate.total ? `${((100 * rate.killed) / rate.total).toFixed(1)} %` : 'n/a';
  console.log(
    `fuzz kill rate: ${rate.killed}/${rate.total} (${pct}) · ${options.numRuns} generated runs per property, no examples` +
      ` · seed ${options.seed} · ${(rate.duration_ms / 1000).toFixed(1)} s`,
  );
  mkdirSync(options.reportsDir, { recursive: true });
  const file = join(options.reportsDir, KILL_REPORT);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...rate }, null, 2)}\n`);
  console.log(`  report: ${file}`);
  return rate;
}
