// A retry pause for tests (ClientConfig.retryPause): waits for nothing and records the delays asked, so a test
// asserts the backoffs instead of sitting through them.

import type { RetryPause } from '../../harness/answer-body.ts';

export function recordingPause(): { pause: RetryPause; asked: number[] } {
  const asked: number[] = [];
  return { asked, pause: async (ms) => void asked.push(ms) };
}
