import { cardPhysicalScenarios } from '../../generators/scenarios/card-physical.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('physical card scenarios against the built-in mock', cardPhysicalScenarios);
