// Operation id (catalog/operations.json) → the rule that serves it.

import type { AnyOperationId } from '../../catalog/types.ts';
import { listIssuingBalances, listIssuingBalancesTransactions, retrieveIssuingBalance } from './balances.ts';
import { createCardholder } from './cardholders/create-cardholder.ts';
import { listCardholders, retrieveCardholder } from './cardholders/read-cardholders.ts';
import { updateCardholder } from './cardholders/update-cardholder.ts';
import { assignCard } from './cards/assign-card.ts';
import { createCard } from './cards/create-card.ts';
import { cardRecharge, cardWithdraw } from './cards/funds.ts';
import { activateCard, resetCardPin } from './cards/physical.ts';
import {
  createPanToken,
  listCards,
  retrieveCard,
  retrieveCardOrder,
  retrieveSensitiveCardDetails,
} from './cards/read-cards.ts';
import { updateCard } from './cards/update-card.ts';
import { updateCardStatus } from './cards/update-card-status.ts';
import type { OpHandler } from './context.ts';
import { listProducts } from './products.ts';
import { createIssuingReport, retrieveIssuingReport } from './reports.ts';
import {
  listCardsTransactions,
  retrieveCardsTransaction,
  simulateAuthorization,
  simulateReversal,
} from './transactions.ts';
import { createIssuingTransfer, retrieveIssuingTransfer } from './transfers.ts';

export const HANDLERS = {
  create_card: createCard,
  list_cards: listCards,
  update_card: updateCard,
  retrieve_card: retrieveCard,
  update_card_status: updateCardStatus,
  retrieve_sensitive_card_details: retrieveSensitiveCardDetails,
  create_pan_token: createPanToken,
  card_recharge: cardRecharge,
  card_withdraw: cardWithdraw,
  retrieve_card_order: retrieveCardOrder,
  activate_card: activateCard,
  reset_card_pin: resetCardPin,
  assign_card: assignCard,
  create_cardholder: createCardholder,
  list_cardholders: listCardholders,
  update_cardholder: updateCardholder,
  retrieve_cardholder: retrieveCardholder,
  retrieve_issuing_balance: retrieveIssuingBalance,
  list_issuing_balances: listIssuingBalances,
  list_issuing_balances_transactions: listIssuingBalancesTransactions,
  list_cards_transactions: listCardsTransactions,
  retrieve_cards_transaction: retrieveCardsTransaction,
  simulate_authorization: simulateAuthorization,
  simulate_reversal: simulateReversal,
  list_products: listProducts,
  create_issuing_transfer: createIssuingTransfer,
  retrieve_issuing_transfer: retrieveIssuingTransfer,
  create_issuing_report: createIssuingReport,
  retrieve_issuing_report: retrieveIssuingReport,
} satisfies Record<AnyOperationId, OpHandler>;
