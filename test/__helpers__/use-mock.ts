// The file's built-in mock: started on port 0 before its tests (beforeAll), closed after them (afterAll). The
// returned object reaches the started mock, so tests use it as they would a RunningMock.

import { afterAll, beforeAll } from 'vitest';
import type { MockOptions } from '../../mock/options.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

export function useMock(options: Partial<MockOptions> = {}): RunningMock {
  let started: RunningMock | undefined;
  beforeAll(async () => {
    started = await startMock(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as RunningMock, {
    get(_, property) {
      if (!started) throw new Error('the mock starts in beforeAll');
      return Reflect.get(started, property);
    },
  });
}
