/** Scenario model: documents, baseline, compiled model, kernel, reference and summaries. */
export * from './schema';
export * from './levers';
export { applySettings, settingsFromPairs, shiftGrowth, type SettingProblem } from './apply';
export { type DistInput } from './distribution';
export { DEFAULT_DRIVERS, LEVER_DEFAULTS } from './defaults';
export { PRESET_IDS, isPresetId, presetScenario, type PresetId } from './presets';
export * from './baseline';
export * from './model';
export { compileScenario, type CompileOptions } from './compile';
export {} from './timeline';
export { simulateBlock } from './kernel';
export { referenceSimulate } from './reference';
export {} from './sampling';
export { type GroupSensitivity } from './sensitivity-groups';
export {
  summarize,
  type SimulationSummary,
  type PercentileSeries,
  type Spread,
  type SensitivityRow,
} from './summary';
