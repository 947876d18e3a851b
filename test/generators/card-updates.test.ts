import { cardStatusScenarios } from '../../generators/scenarios/card-status-updates.ts';
import { cardUpdateScenarios } from '../../generators/scenarios/card-updates.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('Update Card and Update Card Status scenarios against the built-in mock', [
  ...cardUpdateScenarios,
  ...cardStatusScenarios,
]);
