// Issuing reports (uqpay-api.md §5.11, §7): Create Issuing Report takes a SETTLEMENT or LEDGER report over a time
// window and answers {report_id}; Retrieve Issuing Report downloads it as CSV (the CLI saves it as report-<id>.csv).
// The mock generates a report at once and publishes issuing.report.succeeded.

import { invalidField } from '../errors.ts';
import type { Report } from '../state/types.ts';
import type { World } from '../state/world.ts';
import { type OpHandler, ok } from './context.ts';
import { isoDateTime, requiredString, uuid } from './fields.ts';
import { money } from './render.ts';

const TYPES = new Set(['SETTLEMENT', 'LEDGER']);

export const createIssuingReport: OpHandler = (ctx) => {
  const type = requiredString(ctx.body, 'report_type');
  const start = isoDateTime(requiredString(ctx.body, 'start_time'));
  const end = isoDateTime(requiredString(ctx.body, 'end_time'));
  if (!TYPES.has(type)) throw invalidField({ path: 'report_type', rule: 'must be SETTLEMENT or LEDGER' });
  if (!start) throw invalidField({ path: 'start_time', rule: 'must be an ISO 8601 date-time' });
  if (!end) throw invalidField({ path: 'end_time', rule: 'must be an ISO 8601 date-time' });
  if (end < start) throw invalidField({ path: 'end_time', rule: 'must not be before start_time' });
  const report: Report = {
    id: ctx.world.uuid(),
    accountId: ctx.account.id,
    type: type as Report['type'],
    start,
    end,
    createdAt: ctx.world.now(),
  };
  ctx.world.reports.set(report.id, report);
  ctx.world.events.emit('issuing.report.succeeded', report.id, {
    report_id: report.id,
    report_type: report.type === 'SETTLEMENT' ? 'Card Settlement Report' : 'Ledger Report',
    date_range: `${start.toISOString()} - ${end.toISOString()}`,
    expire_time: new Date(report.createdAt.getTime() + 7 * 86_400_000).toISOString(),
    secret_key: '',
  });
  return ok({ report_id: report.id });
};

export const retrieveIssuingReport: OpHandler = (ctx) => {
  const id = uuid(ctx.params.report_id ?? '', 'report_id');
  const report = ctx.world.reports.get(id);
  if (!report || report.accountId !== ctx.account.id) throw invalidField({ path: 'report_id', rule: 'no such report' });
  return { status: 200, body: csv(ctx.world, report), headers: { 'content-type': 'text/csv; charset=utf-8' } };
};

function csv(world: World, report: Report): string {
  const within = (date: Date) => date >= report.start && date <= report.end;
  const rows =
    report.type === 'LEDGER'
      ? [
          ['transaction_id', 'transaction_type', 'currency', 'amount', 'ending_balance', 'create_time'],
          ...world.balanceTransactions
            .filter((tx) => tx.accountId === report.accountId && within(tx.createdAt))
            .map((tx) => [
              tx.id,
              tx.type,
              tx.currency,
              money(tx.amount),
              money(tx.endingBalance),
              tx.createdAt.toISOString(),
            ]),
        ]
      : [
          [
            'transaction_id',
            'card_id',
            'transaction_type',
            'transaction_status',
            'currency',
            'amount',
            'transaction_time',
          ],
          ...[...world.transactions.values()]
            .filter((tx) => tx.accountId === report.accountId && within(tx.createdAt))
            .map((tx) => [
              tx.id,
              tx.cardId,
              tx.type,
              tx.status,
              tx.currency,
              money(tx.amount),
              tx.createdAt.toISOString(),
            ]),
        ];
  return `${rows.map((row) => row.join(',')).join('\n')}\n`;
}
