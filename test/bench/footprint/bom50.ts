/** The benchmark's product: a 50-line BOM over the library's factors (materials, energy, freight, packaging), each line with a pedigree. */
import { FACTORS, type BomLine, type Product } from '../../../src/core/footprint/index';

export function bom50(): Product {
  const lines: BomLine[] = Array.from({ length: 50 }, (_, i) => {
    const f = FACTORS[(i * 7) % FACTORS.length];
    const pedigree = `${1 + (i % 4)}${1 + ((i + 1) % 3)}${1 + (i % 5)}${1 + ((i + 2) % 4)}${1 + (i % 3)}`;
    if (f.unit === 'tkm')
      return {
        id: `l${i}`,
        stage: 'transport',
        input: f.id,
        quantity: 0,
        unit: 'tkm',
        freight: { mass_kg: 2 + i, distance_km: 50 * (i + 1) },
        pedigree,
      };
    return {
      id: `l${i}`,
      stage: f.category === 'energy' ? 'energy' : 'materials',
      input: f.id,
      quantity: 0.1 + (i % 9) * 0.37,
      unit: f.unit,
      pedigree,
    };
  });
  return {
    id: 'bom50',
    name_zh: '50 行物料清单',
    name_en: '50-line BOM',
    functional_unit_zh: '1 件',
    functional_unit_en: 'one unit',
    boundary: 'cradle_to_gate',
    lines,
  };
}
