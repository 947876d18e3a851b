import { cardRechargeScenarios, cardWithdrawScenarios } from '../../generators/scenarios/card-funds.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('Card Recharge and Card Withdraw scenarios against the built-in mock', [
  ...cardRechargeScenarios,
  ...cardWithdrawScenarios,
]);
