// The scenarios as a Postman v2.1 collection, built from a recorded sequential run against the built-in mock
// (harness/recorder.ts): every request in order, arrange steps and mock control calls included, so that a fresh mock
// with the same seed answers the replay exactly as it answered the run. A collection pre-request mints the default
// token; each scenario's faulty request tests status, type, code and message. Secrets are never written: API keys
// are read from the mock's /__mock/fixtures by the first request, tokens are minted by the replay itself.

import type { CatalogEntry } from '../../catalog/types.ts';
import type { RecordedRequest } from '../../harness/recorder.ts';

export interface RecordedCase {
  title: string;
  entry: CatalogEntry;
  requests: readonly RecordedRequest[];
}

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const PRE_REQUEST = [
  "if (!pm.collectionVariables.get('token')) {",
  "  const clientId = pm.collectionVariables.get('clientId');",
  '  pm.sendRequest({',
  "    url: pm.variables.replaceIn('{{baseUrl}}/v1/connect/token'),",
  "    method: 'POST',",
  "    header: { 'x-client-id': clientId, 'x-api-key': pm.collectionVariables.get('api_key_' + clientId) },",
  '  }, (err, res) => {',
  "    if (!err && res.code === 200) pm.collectionVariables.set('token', res.json().auth_token);",
  '  });',
  '}',
];

const FIXTURES_TEST = [
  'const credentials = pm.response.json().credentials;',
  "for (const c of Object.values(credentials)) pm.collectionVariables.set('api_key_' + c.client_id, c.api_key);",
];

/**
 * How long the recording mock keeps new cards PENDING: 0, so they settle at once and the recording holds no polls. A
 * replay (newman, the bench's floor) must run on a mock with the same setting, or the cards it creates are not yet
 * active when the recorded requests use them (npm run mock's default, 2 s, makes them answer "The card is not active.").
 */
export const RECORDING_SETTLE_MS = 0;

/** The npm run mock command a replay of a recording with this seed needs. */
export const replayMockCommand = (seed: number | string) =>
  `npm run mock -- --seed ${seed} --settle-ms ${RECORDING_SETTLE_MS}`;

export function postmanCollection(
  cases: readonly RecordedCase[],
  options: { baseUrl: string; defaultClientId: string; seed: number },
): Record<string, unknown> {
  const api = options.baseUrl.replace(/\/$/u, '');
  const origin = new URL(api).origin;
  const defaultMints = new Set<number>();
  const item = (r: RecordedRequest, name: string, exec: string[] = []) => {
    const url = r.url.startsWith(api)
      ? `{{baseUrl}}${r.url.slice(api.length)}`
      : r.url.replace(origin, '{{mockOrigin}}');
    const header = Object.entries(r.headers).map(([key, value]) => ({ key, value: placeholders(value, defaultMints) }));
    return {
      name,
      request: { method: r.method, header, url, ...(r.body === null ? {} : { body: { mode: 'raw', raw: r.body } }) },
      ...(exec.length ? { event: [{ listen: 'test', script: { type: 'text/javascript', exec } }] } : {}),
    };
  };
  const folders = cases.map((c) => {
    const faulty = faultyIndex(c);
    const items = c.requests.flatMap((r, i) => {
      if (r.mint !== undefined && r.headers['x-client-id'] === options.defaultClientId) {
        defaultMints.add(r.mint); // minted by the collection's pre-request instead
        return [];
      }
      if (r.mint !== undefined) {
        return [
          item(r, 'mint a token', [`pm.collectionVariables.set('token_${r.mint}', pm.response.json().auth_token);`]),
        ];
      }
      if (i === faulty) return [item(r, `faulty: ${c.title}`, contractTests(c.entry, r))];
      return [item(r, `${r.method} ${new URL(r.url).pathname}`)];
    });
    return { name: c.title, item: items };
  });
  const fixtures = {
    name: 'read the mock fixtures (API keys into variables)',
    request: { method: 'GET', header: [], url: '{{mockOrigin}}/__mock/fixtures' },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: FIXTURES_TEST } }],
  };
  return {
    info: {
      name: 'UQPAY Card Issuance error contract',
      description: `Every scenario of the conformance suite, recorded against the built-in mock with seed ${options.seed}. Replay it against a fresh mock started with the same seed and the same card timing (${replayMockCommand(options.seed)}).`,
      schema: SCHEMA,
    },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: PRE_REQUEST } }],
    variable: [
      { key: 'baseUrl', value: 'http://127.0.0.1:4010/api' },
      { key: 'mockOrigin', value: 'http://127.0.0.1:4010' },
      { key: 'clientId', value: options.defaultClientId },
      { key: 'token', value: '' },
    ],
    item: [fixtures, ...folders],
  };
}

/** The judged request: the last API error answer of the case (the twin after it succeeded). */
function faultyIndex(c: RecordedCase): number {
  for (let i = c.requests.length - 1; i >= 0; i--) {
    const r = c.requests[i] as RecordedRequest;
    if (r.status === c.entry.status && !r.url.includes('/__mock/') && r.mint === undefined) return i;
  }
  return -1;
}

function contractTests(entry: CatalogEntry, r: RecordedRequest): string[] {
  const answer = (r.answer ?? {}) as { message?: unknown };
  const tests = [
    `pm.test('status ${entry.status}', () => pm.response.to.have.status(${entry.status}));`,
    'const body = pm.response.json();',
  ];
  if (entry.envelope === 'A')
    tests.push(`pm.test('type', () => pm.expect(body.type).to.eql(${JSON.stringify(entry.type)}));`);
  tests.push(`pm.test('code', () => pm.expect(body.code).to.eql(${JSON.stringify(entry.code)}));`);
  if (entry.message_kind === 'absent')
    tests.push(`pm.test('no message', () => pm.expect(body).to.not.have.property('message'));`);
  else if (entry.message_kind === 'variable')
    tests.push(`pm.test('message', () => pm.expect(body.message).to.be.a('string').and.not.empty);`);
  else tests.push(`pm.test('message', () => pm.expect(body.message).to.eql(${JSON.stringify(answer.message)}));`);
  return tests;
}

function placeholders(value: string, defaultMints: ReadonlySet<number>): string {
  return value
    .replace(/\{\{token:(\d+)\}\}/gu, (_, n: string) => (defaultMints.has(Number(n)) ? '{{token}}' : `{{token_${n}}}`))
    .replace(/\{\{api_key:([^}]*)\}\}/gu, (_, id: string) => `{{api_key_${id}}}`);
}
