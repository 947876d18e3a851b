import { transactionScenarios } from '../../generators/scenarios/transactions.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('transaction scenarios against the built-in mock', transactionScenarios);
