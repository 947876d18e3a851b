import { cardIdRowScenarios } from '../../generators/scenarios/card-id-rows.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('{card_id} row scenarios against the built-in mock', cardIdRowScenarios);
