import { cardReadScenarios } from '../../generators/scenarios/cards-read.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('card read scenarios against the built-in mock', cardReadScenarios);
