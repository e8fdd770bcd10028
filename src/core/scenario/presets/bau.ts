/** Business as usual: current trends, no new park policy; drivers at their documented defaults. */
import type { ScenarioInput } from '../schema';
import { DEFAULT_CORRELATIONS, PRESET_ACCOUNTING } from './common';

export const BAU = {
  schema_version: 1,
  id: 'bau',
  name_zh: '基准情景（延续现有趋势）',
  name_en: 'Business as usual',
  dataset: 'sample',
  description:
    'Current trends without new park measures: output growth, autonomous efficiency gains and the national ' +
    'grid decarbonising as in the default driver distributions (docs/model.md).',
  horizon: { start: 2024, end: 2060 },
  accounting: PRESET_ACCOUNTING,
  drivers: {},
  levers: {},
  correlations: DEFAULT_CORRELATIONS,
} satisfies ScenarioInput;
