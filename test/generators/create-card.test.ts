import { createCardScenarios } from '../../generators/scenarios/create-card.ts';
import { scenariosPassAgainstMock } from '../__helpers__/mock-env.ts';

scenariosPassAgainstMock('Create Card scenarios against the built-in mock', createCardScenarios);
