// Redaction for everything the suite prints or writes: secrets in headers, card data and document contents in
// bodies, and anything that looks like a card number wherever it appears. Reports never hold the originals.

const SECRET_HEADERS = new Set(['x-auth-token', 'x-api-key', 'authorization', 'cookie', 'set-cookie']);
const SECRET_KEYS = new Set([
  'api_key',
  'apikey',
  'auth_token',
  'x-auth-token',
  'x-api-key',
  'token',
  'card_number',
  'pan',
  'cvv',
  'cvc',
  'pin',
  'old_pin',
  'activation_code',
  'expire_date',
  'expiry_date',
  'expiry',
  'exp_date',
  'new_pin',
  'pan_token',
  'secret',
  'password',
  'client_secret',
  'document',
  'front_file',
  'back_file',
  'hand_file',
  'number',
  'id_number',
  'account_number',
  'iban',
  'webhook_secret',
]);
const MASK = '****';
/** Keys whose value is a credential whatever it looks like. */
const CREDENTIAL_KEY = /key|token|secret|password/iu;
/**
 * 13–19 digits, optionally grouped by spaces or dashes: a card number wherever it appears. Luhn-valid or not (a test
 * PAN need not be), at the cost of masking the odd long id.
 */
const PAN_LIKE = /\b\d(?:[ -]?\d){12,18}\b/gu;
/** A JWT (three base64url parts, the last possibly cut short by a snippet): an access or PAN token. */
const JWT_LIKE = /\beyJ[\w-]+(?:\.[\w-]*){1,2}/gu;
/** A bearer credential in text: "Bearer <token>". */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/giu;
/**
 * A secret field written out in text (JSON cut short, a log line, a query string): "cvv":"123", cvv=123, pin: 1234.
 * The value ends at a quote, comma, brace, ampersand or space; an unterminated value (a truncated snippet) is masked to
 * its end.
 */
const SECRET_FIELD = new RegExp(
  `(["']?)\\b(${[...SECRET_KEYS].map((k) => k.replace(/[-]/gu, '[-_]?')).join('|')})\\1(\\s*[:=]\\s*)("?)([^"',}&\\s]*)`,
  'giu',
);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? MASK : value]),
  );
}

export function redactText(text: string): string {
  return text
    .replace(JWT_LIKE, MASK)
    .replace(BEARER, `$1${MASK}`)
    .replace(SECRET_FIELD, (all, quote: string, key: string, sep: string, open: string, value: string) =>
      looksSecret(key, quote, open, value) ? `${quote}${key}${quote}${sep}${open}${MASK}` : all,
    )
    .replace(PAN_LIKE, (digits) => maskPan(digits));
}

/** A deep copy with secret keys masked and card-number-like strings masked everywhere else. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        SECRET_KEYS.has(key.toLowerCase()) ? MASK : redactValue(child),
      ]),
    );
  }
  return value;
}

/**
 * A quoted field ("cvv":"123") is always a value; in prose ("pin: must be 6 digits") a word after the colon is not,
 * so an unquoted value is masked only when it holds a digit or is long enough to be a key or token.
 */
function looksSecret(key: string, quote: string, open: string, value: string): boolean {
  if (value === '' && open === '') return false;
  if (quote !== '' || open !== '' || /\d/u.test(value) || value.length >= 16) return true;
  // "x-api-key: sk_live_abc" is a key; "access token: set UQPAY_…" is prose.
  return CREDENTIAL_KEY.test(key) && value.length >= 8 && !/^[a-z]+$/u.test(value);
}

function maskPan(digits: string): string {
  const plain = digits.replace(/\D/gu, '');
  return `${'*'.repeat(Math.max(0, plain.length - 4))}${plain.slice(-4)}`;
}
