// The fields of results.json that are timing by nature, named in one place: two runs with the same seed against equal
// targets give the same results.json apart from these (test/harness/attribution.test.ts proves it at concurrency 8).
// They are the `timing` objects of the run and of each case, the older fields that repeat them for existing readers
// (run.started_at, run.duration_ms and cases[].duration_ms), and the clocks inside a case's evidence: the answer's
// `date` header and the date-time values of the request and answer bodies (a card's expiry date a scenario computed
// from today, a record's create_time), kept in the repro as they were sent.

import type { Repro } from '../harness/repro.ts';
import type { RunResults } from './results.ts';

/** results.json without its timing-by-nature fields: what must be equal for the same seed and equal targets. */
export function withoutTiming(results: RunResults): unknown {
  const { timing: _t, started_at: _s, duration_ms: _d, ...run } = results.run;
  return {
    ...results,
    run,
    cases: results.cases.map(({ timing: _ct, duration_ms: _cd, repro, ...rest }) =>
      repro ? { ...rest, repro: withoutClock(repro) } : rest,
    ),
  };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/u;

/** The evidence without the clocks: the answer's date header and the bodies' date-time values. */
function withoutClock(repro: Repro): unknown {
  const { date: _date, ...headers } = repro.response.headers;
  return {
    ...repro,
    request: { ...repro.request, body: maskDateTimes(repro.request.body) },
    response: { ...repro.response, headers, body: maskDateTimes(repro.response.body) },
    curl: repro.curl.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/gu, '<date-time>'),
  };
}

function maskDateTimes(value: unknown): unknown {
  if (typeof value === 'string') return DATE_TIME.test(value) ? '<date-time>' : value;
  if (Array.isArray(value)) return value.map(maskDateTimes);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, maskDateTimes(child)]));
  return value;
}
