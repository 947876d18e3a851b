// The access-token flow: POST /v1/connect/token mints a JWT for a client; every other call presents it.
// Minting a new token for a client supersedes its older ones, as the vendor's FAQ says.

import { randomBytes } from 'node:crypto';
import { fail } from '../errors.ts';
import type { Account, ApiKey, User } from '../state/types.ts';
import type { World } from '../state/world.ts';
import { signJwt, verifyJwt } from './jwt.ts';

export interface Caller {
  apiKey: ApiKey;
  user: User;
  account: Account;
  token: string;
}

export class TokenService {
  private readonly secret = randomBytes(32).toString('hex');
  /** The newest token id per client; any other token of that client is superseded. */
  private readonly latest = new Map<string, string>();
  /** Signature checks already done, by token text (the HMAC is a measurable share of each request). */
  private readonly verified = new Map<string, Record<string, unknown> | null>();

  constructor(
    private readonly world: World,
    private readonly ttlSeconds: number,
  ) {}

  mint(clientId: string | undefined, apiKey: string | undefined): { auth_token: string; expired_at: number } {
    const key = clientId ? this.world.apiKeys.get(clientId) : undefined;
    if (!key || key.apiKey !== apiKey) throw fail('general.unauthorized_error');
    const jti = this.world.uuid();
    this.latest.set(key.clientId, jti);
    return this.issue(key, jti, this.ttlSeconds);
  }

  /** A correctly signed token that has already expired (for tests); it does not supersede anything. */
  mintExpired(clientId: string): string | null {
    const key = this.world.apiKeys.get(clientId);
    return key ? this.issue(key, this.world.uuid(), -60).auth_token : null;
  }

  authenticate(header: string | undefined): Caller {
    const token = header?.replace(/^Bearer /u, '').trim();
    const claims = token ? this.claimsOf(token) : null;
    if (!token || !claims) throw fail('general.unauthorized_error');
    const key = this.world.apiKeys.get(String(claims.client_id));
    if (!key || typeof claims.exp !== 'number') throw fail('general.unauthorized_error');
    if (claims.exp * 1000 <= this.world.clock.nowMs()) throw fail('general.unauthorized_error');
    if (this.latest.get(key.clientId) !== claims.jti) throw fail('general.b.login_expired');
    const account = this.world.accounts.get(key.accountId);
    if (!account || account.status === 'DELETED') throw fail('general.b.account_does_not_exist');
    if (account.status === 'DEACTIVATED') throw fail('general.account_not_found');
    const user = this.world.users.get(key.userId);
    if (!user?.active) throw fail('general.user_not_found');
    return { apiKey: key, user, account, token };
  }

  private claimsOf(token: string): Record<string, unknown> | null {
    let claims = this.verified.get(token);
    if (claims === undefined) {
      claims = verifyJwt(token, this.secret);
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, claims);
    }
    return claims;
  }

  private issue(key: ApiKey, jti: string, ttlSeconds: number) {
    const account = this.world.accounts.get(key.accountId);
    const now = Math.floor(this.world.clock.nowMs() / 1000);
    const expiredAt = now + ttlSeconds;
    const claims = {
      // Claims the Node and Python SDKs decode.
      entity_id: key.accountId,
      short_entity_id: account?.shortId ?? '',
      parent_entity_id: account?.parentId ?? '0',
      client_id: key.clientId,
      api_version: 'V1.0',
      bus_type: 'ISSUING',
      // The older claim set seen in the vendor's docs.
      account_id: key.accountId,
      master_id: account?.parentId ?? key.accountId,
      user_id: key.userId,
      scope: 'issuing',
      iss: 'uqpay',
      iat: now,
      exp: expiredAt,
      jti,
    };
    return { auth_token: signJwt(claims, this.secret), expired_at: expiredAt };
  }
}
