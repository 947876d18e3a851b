import { balanceScenarios } from '../../generators/scenarios/balances.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('balance scenarios against the built-in mock', balanceScenarios);
