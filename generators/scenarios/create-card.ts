// Every Create Card scenario of the CARD section (card.b.convert_data_error, an armed fault, lives with the faults).

import type { Scenario } from '../types.ts';
import { createCardCapacityScenarios } from './create-card-capacity.ts';
import { createCardFieldScenarios } from './create-card-fields.ts';

export const createCardScenarios: Scenario[] = [...createCardFieldScenarios, ...createCardCapacityScenarios];
