/**
 * The Pathways baselines the build ships with each bundled park (first-answers.ts ShippedBaseline):
 * the JSON codec (src/core/scenario/baseline-json.ts) gives back the same baseline or nothing, and the
 * baseline the build ships equals the one the CLI builds from the same park (one path, one result).
 */
import { describe, expect, it } from 'vitest';
import { baselineFromDoc, baselineToDoc } from '../../../src/core/scenario/baseline-json';
import { loadPark } from '../../../src/cli/load-park';
import { bundledFirstAnswers } from '../../../src/data/first-answers-node';
import { baselinesFromJson, shippedBaselineKey } from '../../../src/data/first-answers';
import { offerBaselines, shippedBaseline } from '../../../src/data/shipped-baselines';
import { handBaseline } from '../core/scenario/fixtures';

const roundTrip = (doc: unknown) => baselineFromDoc(JSON.parse(JSON.stringify(doc)));

describe('shipped baselines', () => {
  it('the codec gives back the same baseline, and nothing for a damaged document or a number JSON cannot carry', () => {
    const b = {
      ...handBaseline(),
      history: { years: [2022, 2023], totalTco2: [1.5, 2], energyTce: [3, 4], outputValue: [5, 6] },
    };
    const back = roundTrip(baselineToDoc(b));
    expect(back).toEqual(b);
    expect(back!.activity).toBeInstanceOf(Float64Array);
    const nan = { ...b, history: { ...b.history, totalTco2: [NaN, 2] } };
    expect(baselineToDoc(nan)).toBeNull();
    const inf = { ...b, tco2PerUnit: Float64Array.from(b.tco2PerUnit, (x, i) => (i === 0 ? Infinity : x)) };
    expect(baselineToDoc(inf)).toBeNull();
    const doc = baselineToDoc(b)!;
    expect(roundTrip({ ...doc, activity: (doc.activity as number[]).slice(1) })).toBeNull();
    expect(roundTrip({ ...doc, sectors: 'C26' })).toBeNull();
    expect(roundTrip({ ...doc, year: '2024' })).toBeNull();
    expect(roundTrip(null)).toBeNull();
    expect(roundTrip([doc])).toBeNull();
  });

  it('the build ships, for every bundled park and Scope 2 method, the baseline the CLI builds', async () => {
    const shipped = await bundledFirstAnswers();
    expect(shipped.map((s) => s.park).sort()).toEqual(['sample', 'workshop']);
    const sample = baselinesFromJson(shipped.find((s) => s.park === 'sample')!.json);
    expect(sample).toHaveLength(2);
    offerBaselines(sample);
    const dataKey = sample[0].key.split('|')[0];
    for (const scope2 of ['market', 'location'] as const) {
      expect(sample.map((s) => s.key)).toContain(shippedBaselineKey(dataKey, scope2));
      const fromCli = (await loadPark('sample', process.cwd(), { scope2 })).baseline;
      expect(shippedBaseline(dataKey, scope2)).toEqual(fromCli);
    }
    expect(shippedBaseline('another park', 'market')).toBeNull();
  }, 120_000);
});
