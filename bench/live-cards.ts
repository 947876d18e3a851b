// Cards that are still live on a target, found the way a sandbox user would check: List Cards through the public
// API, for the main account, each sub-account (x-on-behalf-of) and the other account's credential, all read from the
// UQPAY_* settings of a run. Live = neither cancelled (PRE_CANCEL, CANCELLED) nor FAILED at issuing.

import { request } from 'undici';

const GONE = new Set(['PRE_CANCEL', 'CANCELLED', 'FAILED']);
const PAGE_SIZE = 100;
/** A bound on pages per account (100 cards each), so a broken paging answer cannot loop for ever. */
const MAX_PAGES = 200;

export interface LiveCards {
  ids: Set<string>;
  /** Requests this listing sent (token mints included), to be taken out of the run's count. */
  requests: number;
  /** Token mints among them. */
  mints: number;
  /** Views that could not be listed (a deactivated sub-account, say), with the status they answered. */
  unlisted: string[];
}

interface View {
  name: string;
  credential: { clientId: string; apiKey: string };
  onBehalfOf?: string;
}

function views(settings: Record<string, string>): View[] {
  const own = { clientId: settings.UQPAY_CLIENT_ID ?? '', apiKey: settings.UQPAY_API_KEY ?? '' };
  const list: View[] = [{ name: 'default', credential: own }];
  for (const [key, value] of Object.entries(settings)) {
    const sub = /^UQPAY_FIXTURE_SUB_ACCOUNT_([A-Z_]+?)$/u.exec(key);
    if (sub && !/_(CARDHOLDER|CARD|TRANSACTION)$/u.test(key))
      list.push({ name: `sub-account ${sub[1]}`, credential: own, onBehalfOf: value });
  }
  const [clientId, apiKey] = (settings.UQPAY_FIXTURE_CREDENTIAL_OTHER_ACCOUNT ?? '').split(':');
  if (clientId && apiKey) list.push({ name: 'other account', credential: { clientId, apiKey } });
  return list;
}

export async function liveCards(settings: Record<string, string>): Promise<LiveCards> {
  const base = (settings.UQPAY_BASE_URL ?? '').replace(/\/$/u, '');
  const result: LiveCards = { ids: new Set(), requests: 0, mints: 0, unlisted: [] };
  const tokens = new Map<string, string>();
  const call = async (path: string, headers: Record<string, string>, method: 'GET' | 'POST' = 'GET') => {
    result.requests++;
    const res = await request(`${base}${path}`, { method, headers });
    return {
      status: res.statusCode,
      json: (await res.body.json().catch(() => null)) as Record<string, unknown> | null,
    };
  };
  for (const view of views(settings)) {
    let token = tokens.get(view.credential.clientId);
    if (!token) {
      result.mints++;
      const minted = await call(
        '/v1/connect/token',
        { 'x-client-id': view.credential.clientId, 'x-api-key': view.credential.apiKey },
        'POST',
      );
      token = String(minted.json?.auth_token ?? '');
      tokens.set(view.credential.clientId, token);
    }
    const headers: Record<string, string> = { 'x-auth-token': `Bearer ${token}` };
    if (view.onBehalfOf) headers['x-on-behalf-of'] = view.onBehalfOf;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await call(`/v1/issuing/cards?page_size=${PAGE_SIZE}&page_number=${page}`, headers);
      if (answer.status !== 200) {
        result.unlisted.push(`${view.name}: ${answer.status}`);
        break;
      }
      const data = (answer.json?.data ?? []) as { card_id: string; card_status: string }[];
      for (const card of data) if (!GONE.has(card.card_status)) result.ids.add(card.card_id);
      if (page >= Number(answer.json?.total_pages ?? 0)) break;
    }
  }
  return result;
}
