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
/** 13–19 digits, optionally grouped by spaces or dashes: a card number wherever it appears. */
const PAN_LIKE = /\b\d(?:[ -]?\d){12,18}\b/gu;
/** A JWT (three base64url parts): an access or PAN token. */
const JWT_LIKE = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/gu;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? MASK : value]),
  );
}

export function redactText(text: string): string {
  return text.replace(JWT_LIKE, MASK).replace(PAN_LIKE, (digits) => maskPan(digits));
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

function maskPan(digits: string): string {
  const plain = digits.replace(/\D/gu, '');
  return `${'*'.repeat(Math.max(0, plain.length - 4))}${plain.slice(-4)}`;
}
