// The shape of a risk_controls object, shared by Create Card and Update Card: allow_3ds_transactions Y|N and
// four-digit MCC lists. Whether a combination is allowed is each operation's own rule.

import { badParameters, invalidField } from '../../errors.ts';
import type { RiskControls } from '../../state/types.ts';
import { optionalArray, optionalString } from '../fields.ts';

const MCC = /^\d{4}$/u;

export function readRiskControls(source: Record<string, unknown> | undefined): RiskControls | undefined {
  if (source === undefined) return undefined;
  const controls: RiskControls = {};
  const threeDs = optionalString(source, 'allow_3ds_transactions');
  if (threeDs !== undefined) {
    if (threeDs !== 'Y' && threeDs !== 'N')
      throw invalidField({ path: 'risk_controls.allow_3ds_transactions', rule: 'must be Y or N' });
    controls.allow_3ds_transactions = threeDs;
  }
  for (const name of ['allowed_mcc', 'blocked_mcc'] as const) {
    const list = optionalArray(source, name)?.map((mcc, index) => {
      if (typeof mcc !== 'string') throw badParameters();
      if (!MCC.test(mcc))
        throw invalidField({ path: `risk_controls.${name}[${index}]`, rule: 'must be a four-digit MCC' });
      return mcc;
    });
    if (list) controls[name] = list;
  }
  return controls;
}
