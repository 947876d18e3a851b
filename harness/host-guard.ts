// Which hosts a run may send mutating requests to: an allowlist, not a denylist. A host is normalised first (the URL
// parser lower-cases and percent-decodes it; trailing dots are stripped here, since "api.uqpay.com." still resolves
// to production), then accepted only if it is a vendor sandbox host, loopback, or named in UQPAY_ALLOW_HOSTS.
// Production (any *.uqpay.com that is not a sandbox host) is refused whatever the flags.

import { isIP } from 'node:net';

/** The vendor's sandbox API host(s). */
export const SANDBOX_HOSTS: ReadonlySet<string> = new Set(['api-sandbox.uqpaytech.com']);

/** The vendor's production domain: never a target. */
const PRODUCTION_DOMAIN = 'uqpay.com';

export type HostVerdict = { ok: true; host: string } | { ok: false; host: string; reason: string };

export function normaliseHost(hostname: string): string {
  let host = hostname.toLowerCase();
  try {
    host = decodeURIComponent(host);
  } catch {
    // Not percent-encoded in a decodable way: judge it as written.
  }
  return host.replace(/^\[|\]$/gu, '').replace(/\.+$/u, '');
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '::ffff:127.0.0.1' || /^::ffff:7f/u.test(host);
  return false;
}

/** UQPAY_ALLOW_HOSTS: comma- or space-separated host names the user accepts as targets. */
export function allowedHosts(env: Record<string, string | undefined>): Set<string> {
  return new Set(
    (env.UQPAY_ALLOW_HOSTS ?? '')
      .split(/[\s,]+/u)
      .map((h) => normaliseHost(h.trim()))
      .filter(Boolean),
  );
}

export function checkHost(hostname: string, env: Record<string, string | undefined>): HostVerdict {
  const host = normaliseHost(hostname);
  if (SANDBOX_HOSTS.has(host) || isLoopback(host)) return { ok: true, host };
  if (host === PRODUCTION_DOMAIN || host.endsWith(`.${PRODUCTION_DOMAIN}`)) {
    return {
      ok: false,
      host,
      reason: `UQPAY_BASE_URL points at production (${host}); the suite sends mutating requests and only runs against the sandbox (${[...SANDBOX_HOSTS].join(', ')}) or a mock`,
    };
  }
  if (allowedHosts(env).has(host)) return { ok: true, host };
  return {
    ok: false,
    host,
    reason: `UQPAY_BASE_URL host ${host} is neither the vendor sandbox (${[...SANDBOX_HOSTS].join(', ')}) nor loopback; name it in UQPAY_ALLOW_HOSTS to run against it`,
  };
}
