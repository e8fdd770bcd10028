/** Carbon accounting: the engine, its factor library, summaries and input validation. */
export { accountActivity, carrierCoefficients, resolveOptions, type CarrierCoefficients } from './engine';
export { AccountingError, FactorLibrary, type FactorOverride, type ResolvedValue } from './factor-library';
export { parkTotals, summarizeInventory, type ParkFigures, type ParkYearTotal } from './summary';
export {
  negativeNetEnterprises,
  territorialTotals,
  TerritorialTotals,
  type BoundaryFlow,
  type NegativeNet,
  type TerritorialYear,
} from './territorial';
export * from './types';
export {
  carrierCode,
  formatIssue,
  parseNumber,
  validateActivityRows,
  type RawRecord,
  type ValidateOptions,
  type ValidationIssue,
} from './validate';
