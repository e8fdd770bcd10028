/** Scenario model: documents, baseline, compiled model, kernel, reference and summaries. */
export * from './schema';
export * from './levers';
export { applySettings, settingsFromPairs, shiftGrowth, type SettingProblem } from './apply';
export { toDist, support, distSchema, type DistInput } from './distribution';
export { DEFAULT_DRIVERS, LEVER_DEFAULTS, GRID_FACTOR_2023 } from './defaults';
export { PRESET_IDS, isPresetId, presetScenario, presetDocument, type PresetId } from './presets';
export * from './baseline';
export * from './model';
export { compileScenario, type CompileOptions } from './compile';
export { rampAt, gridKnotWeights, capacityAt, patternRegex } from './timeline';
export { simulateBlock } from './kernel';
export { referenceSimulate } from './reference';
export { sampleRun, sampleScratch } from './sampling';
export { inputGroup, type GroupSensitivity } from './sensitivity-groups';
export {
  summarize,
  type SimulationSummary,
  type PercentileSeries,
  type Spread,
  type SensitivityRow,
} from './summary';
