export { erfc, normalCdf, normalInv, normalPdf } from './normal';
export * from './distributions';
export {
  mean,
  variance,
  sd,
  quantile,
  quantiles,
  quantilesInPlace,
  quantileSorted,
  histogram,
  type Histogram,
} from './descriptive';
export { ranks, rankInto, RankScratch, pearson, spearman } from './rank';
export { spearmanToPearson, pearsonToSpearman, cholesky } from './copula';
