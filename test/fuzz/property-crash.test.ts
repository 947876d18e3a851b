// An exception inside a fuzz property that is neither a broken contract nor environment trouble is a bug of ours: it
// crashes the run with its stack, never an environment "error" (issue 17).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProperties } from '../../fuzz/run.ts';
import { guarded } from '../../fuzz/send.ts';
import { CaseEnvironmentError, type FuzzContext, type FuzzProperty, PropertyCrash } from '../../fuzz/types.ts';
import { TargetError } from '../../harness/client.ts';

const property = (name: string, body: () => Promise<void>): FuzzProperty => ({
  name,
  entry: null,
  operation: 'List Cards',
  kind: 'rule',
  maxRuns: 3,
  build: () => fc.asyncProperty(fc.integer(), body),
});
const options = { seed: 1, numRuns: 3, baseUrl: 'http://127.0.0.1:9/api', concurrency: 2, shrink: false };
const fz = {} as FuzzContext;

describe('a bug inside a fuzz property', () => {
  it('crashes the run with the bug and its stack', async () => {
    const buggy = property('rule › List Cards › buggy', async () => {
      const missing = undefined as unknown as { field: string };
      missing.field.toString();
    });
    const error = await runProperties([buggy], fz, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PropertyCrash);
    expect((error as PropertyCrash).message).toMatch(/^property "rule › List Cards › buggy" crashed: /u);
    expect((error as PropertyCrash).stack).toMatch(/caused by TypeError: .*\n\s+at /u);
  });

  it('environment trouble stays an environment error', async () => {
    const down = property('rule › List Cards › down', async () => {
      await guarded(async () => {
        throw new TargetError('127.0.0.1:9 cannot be reached (ECONNREFUSED)', 'unreachable');
      });
    });
    const [result] = await runProperties([down], fz, options);
    expect(result).toMatchObject({ outcome: 'error', reason: '127.0.0.1:9 cannot be reached (ECONNREFUSED)' });
  });

  it('guarded lets a bug through as itself, not as CaseEnvironmentError', async () => {
    const bug = guarded(async () => {
      throw new RangeError('index out of range');
    });
    await expect(bug).rejects.toBeInstanceOf(RangeError);
    await expect(bug).rejects.not.toBeInstanceOf(CaseEnvironmentError);
  });
});
