import { describe, expect, it } from 'vitest';
import { footprintCsv, runFootprintJob, type Product } from '../../../../../src/core/footprint/index';
import {
  SAMPLE_PRODUCTS,
  compareRows,
  hotspotRows,
  sampleProduct,
} from '../../../../../src/ui/pages/footprint/footprint-vm';

const pick = (_zh: string, en: string) => en;

describe('footprint page view models', () => {
  it('offers the three sample products, each computable without problems', () => {
    expect(SAMPLE_PRODUCTS.map((p) => p.id)).toEqual(['control-board', 'pet-bottle', 'steel-bracket']);
    const job = runFootprintJob(
      SAMPLE_PRODUCTS.map((p) => sampleProduct(p.id)),
      500,
      1,
    );
    expect(job.outcomes.map((o) => o.problems)).toEqual([[], [], []]);
    for (const o of job.outcomes) expect(o.summary!.total_kgco2e).toBeGreaterThan(0);
    // The result says how metered energy was allocated, and the CSV table carries it.
    expect(job.outcomes[0].result!.allocation).toEqual({
      method: 'output_value',
      share: 0.3,
      units_per_period: 600000,
    });
    const csv = footprintCsv(job.outcomes[0].result!);
    expect(csv).toContain('allocation_method,output_value\r\n');
    expect(csv).toContain('boundary,"cradle-to-gate (raw material acquisition');
  });

  it('compares each variant with the base: P(variant < base) and the difference variant − base', () => {
    const base = sampleProduct('steel-bracket');
    const greener: Product = { ...sampleProduct('steel-bracket'), id: 'eaf' };
    greener.lines[0].input = 'steel_eaf';
    const same: Product = { ...sampleProduct('steel-bracket'), id: 'same' };
    const rows = compareRows([base, greener, same], runFootprintJob([base, greener, same], 2000, 3), pick);
    expect(rows.map((r) => [r.id, r.isBase])).toEqual([
      ['steel-bracket', true],
      ['eaf', false],
      ['same', false],
    ]);
    expect(rows[0].pLower).toBeUndefined();
    expect(rows[1].pLower).toBe(1);
    expect(rows[1].diffP97_5!).toBeLessThan(0);
    // An unchanged copy is never lower: the runs tie.
    expect(rows[2].pLower).toBe(0);
    expect(rows[2].diffP2_5).toBe(0);
  });

  it('lists hotspots largest first, labelled with the factor name and origin, the rest as one bar', () => {
    const p = sampleProduct('control-board');
    const o = runFootprintJob([p], 500, 1).outcomes[0];
    const rows = hotspotRows(p, o, pick, 'other', 5);
    expect(rows).toHaveLength(5);
    expect(rows[0].label).toBe('Integrated circuit, small package (进口 / imported)');
    for (let i = 1; i < 4; i++) expect(rows[i].kgco2e).toBeLessThanOrEqual(rows[i - 1].kgco2e);
    expect(rows[4].label).toBe('other');
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });
});
