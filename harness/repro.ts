// Reproduction data for a case that did not pass: the request that shows the problem (method, path, query, headers
// and body), the answer it got (status, headers, body), the fault, the seed and a curl command that sends the same
// request to the same base URL. Everything goes through harness/redact.ts before it is kept: reports are read by
// people and CI logs, and must never carry a key, token, card number or document.

import type { AuthSpec, Observed, RequestSpec } from '../contract/request.ts';
import { redactHeaders, redactText, redactValue } from './redact.ts';

/** Bodies longer than this (serialised, after redaction) are cut: a report holds evidence, not payload dumps. */
export const BODY_CAP = 2000;

/** Which request the repro holds: the faulty one, its valid twin (when the twin was rejected), or a setup step. */
export type ReproSource = 'faulty' | 'twin' | 'arrange' | 'token';

export interface ReproRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface ReproResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** True when the body was cut at BODY_CAP characters. */
  body_truncated: boolean;
}

export interface Repro {
  seed: number;
  fault: string;
  source: ReproSource;
  request: ReproRequest;
  response: ReproResponse;
  /** Shell lines: mint a token, then send the request with curl. */
  curl: string;
}

export interface ReproInput {
  baseUrl: string;
  seed: number;
  fault: string;
  source: ReproSource;
  observed: Observed;
  /** The spec the request was built from, when known: it says how the request authenticated. */
  spec?: RequestSpec;
}

export function buildRepro(input: ReproInput): Repro {
  const { observed } = input;
  const [path = '', queryText = ''] = observed.request.path.split('?', 2);
  const body = redactedBody(observed.request.body ?? null);
  const request: ReproRequest = {
    method: observed.request.method,
    path,
    query: redactValue(Object.fromEntries(new URLSearchParams(queryText))) as Record<string, string>,
    headers: redactHeaders(observed.request.headers),
    body: body.value,
  };
  const response = redactedBody(observed.json === undefined ? observed.text || null : observed.json);
  return {
    seed: input.seed,
    fault: input.fault,
    source: input.source,
    request,
    response: {
      status: observed.status,
      headers: redactHeaders(observed.headers),
      body: response.value,
      body_truncated: response.truncated,
    },
    curl: curlCommand(input.baseUrl, request, body.raw, input.spec?.auth),
  };
}

/**
 * A redacted body: JSON stays JSON (secrets masked by key), other text is masked by pattern. A body longer than
 * BODY_CAP becomes a cut string. raw is the redacted body as curl sends it (never cut, so the command still works).
 */
function redactedBody(body: unknown): { value: unknown; raw: string | null; truncated: boolean } {
  if (body === null || body === undefined || body === '') return { value: null, raw: null, truncated: false };
  let value: unknown;
  let raw: string;
  if (typeof body === 'string') {
    const parsed = parseJson(body);
    value = parsed === undefined ? redactText(body) : redactValue(parsed);
    raw = parsed === undefined ? String(value) : JSON.stringify(value);
  } else {
    value = redactValue(body);
    raw = JSON.stringify(value);
  }
  if (raw.length <= BODY_CAP) return { value, raw, truncated: false };
  return { value: `${raw.slice(0, BODY_CAP)}… (${raw.length - BODY_CAP} more characters)`, raw, truncated: true };
}

const TOKEN_VAR = 'UQPAY_TOKEN';

function curlCommand(baseUrl: string, request: ReproRequest, body: string | null, auth?: AuthSpec): string {
  const base = baseUrl.replace(/\/$/u, '');
  const query = Object.keys(request.query).length ? `?${new URLSearchParams(request.query)}` : '';
  const lines: string[] = [];
  const args = [`curl -sS -i -X ${request.method} ${shellQuote(`${base}${request.path}${query}`)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'x-auth-token') args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  const token = request.headers['x-auth-token'];
  if (token !== undefined) {
    if (auth?.kind === 'raw') {
      lines.push(
        `# x-auth-token: this fault sends its own token value, which is redacted here; put it in $${TOKEN_VAR}`,
      );
      args.push(`-H "x-auth-token: $${TOKEN_VAR}"`);
    } else {
      const who = auth?.kind === 'credential' && auth.name !== 'default' ? auth.name : null;
      lines.push(...mintLines(base, who));
      args.push(`-H "x-auth-token: Bearer $${TOKEN_VAR}"`);
    }
  }
  if (body !== null) args.push(`--data-raw ${shellQuote(body)}`);
  const otherHeaders = Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'x-auth-token');
  if (body?.includes('****') || query.includes('****') || otherHeaders.some(([, value]) => value.includes('****'))) {
    lines.push('# values shown as **** were redacted: put your own before sending');
  }
  lines.push(args.join(' \\\n  '));
  return lines.join('\n');
}

/** How to mint the token the command needs: POST /v1/connect/token with the credential's client id and key. */
function mintLines(base: string, credential: string | null): string[] {
  const id = credential
    ? `<client_id of UQPAY_FIXTURE_CREDENTIAL_${credential.toUpperCase().replaceAll('-', '_')}>`
    : '$UQPAY_CLIENT_ID';
  const key = credential ? '<its api_key>' : '$UQPAY_API_KEY';
  return [
    `# mint a token${credential ? ` of the ${credential} credential` : ''} first (the API key stays out of reports):`,
    `export ${TOKEN_VAR}="$(curl -sS -X POST ${shellQuote(`${base}/v1/connect/token`)} -H "x-client-id: ${id}" -H "x-api-key: ${key}" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).auth_token')"`,
  ];
}

/** POSIX single quotes: nothing inside is expanded; a quote is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON: the reproduction shows the body as text
  }
}
