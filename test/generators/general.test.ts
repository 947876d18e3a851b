import { generalScenarios } from '../../generators/scenarios/general.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('general-row scenarios against the built-in mock', generalScenarios);
