// Every scenario, in a stable order: one or more per documented (entry, operation) pair.

import { balanceScenarios } from './scenarios/balances.ts';
import { cardRechargeScenarios, cardWithdrawScenarios } from './scenarios/card-funds.ts';
import { cardIdRowScenarios } from './scenarios/card-id-rows.ts';
import { cardPhysicalScenarios } from './scenarios/card-physical.ts';
import { cardStatusScenarios } from './scenarios/card-status-updates.ts';
import { cardUpdateScenarios } from './scenarios/card-updates.ts';
import { cardholderScenarios } from './scenarios/cardholders.ts';
import { cardReadScenarios } from './scenarios/cards-read.ts';
import { createCardScenarios } from './scenarios/create-card.ts';
import { generalScenarios } from './scenarios/general.ts';
import { transactionScenarios } from './scenarios/transactions.ts';
import type { Scenario } from './types.ts';

export const allScenarios: readonly Scenario[] = [
  ...generalScenarios,
  ...cardIdRowScenarios,
  ...cardReadScenarios,
  ...createCardScenarios,
  ...cardUpdateScenarios,
  ...cardStatusScenarios,
  ...cardRechargeScenarios,
  ...cardWithdrawScenarios,
  ...cardPhysicalScenarios,
  ...cardholderScenarios,
  ...balanceScenarios,
  ...transactionScenarios,
];
