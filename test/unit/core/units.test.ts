import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../src/core/carriers';
import {
  UNITS,
  UnitError,
  acceptedUnits,
  carrierDimensions,
  convert,
  parseUnit,
  tryParseUnit,
  unitDimension,
} from '../../../src/core/units';

describe('parseUnit', () => {
  it('reads every code and Chinese name', () => {
    for (const u of UNITS) {
      expect(parseUnit(u.code)).toBe(u);
      expect(parseUnit(u.zh)).toBe(u);
    }
  });

  it.each([
    ['10^4kWh', '10^4 kWh'],
    ['万 kWh', '10^4 kWh'],
    ['万千瓦时', '10^4 kWh'],
    ['万度', '10^4 kWh'],
    ['KWH', 'kWh'],
    ['kW·h', 'kWh'],
    ['度', 'kWh'],
    ['10⁴ m³', '10^4 m3'],
    ['万立方米', '10^4 m3'],
    ['万标方', '10^4 m3'],
    ['10^4 Nm3', '10^4 m3'],
    ['Nm³', 'Nm3'],
    ['m³', 'm3'],
    [' t ', 't'],
    ['T', 't'],
    ['公斤', 'kg'],
    ['万吨', '10^4 t'],
    ['1e4 t', '10^4 t'],
    ['gj', 'GJ'],
    ['兆焦', 'MJ'],
    ['吨标煤', 'tce'],
    ['万吨标准煤', '10^4 tce'],
    ['升', 'L'],
    ['l', 'L'],
    ['mwh', 'MWh'],
  ])('"%s" → %s', (text, code) => {
    expect(parseUnit(text).code).toBe(code);
  });

  it('rejects unknown units with a clear message', () => {
    expect(tryParseUnit('furlong')).toBeUndefined();
    expect(tryParseUnit('')).toBeUndefined();
    expect(() => parseUnit('桶')).toThrow(UnitError);
    expect(() => parseUnit('桶')).toThrow(/Unknown unit "桶". Known units: t \(吨\)/);
  });
});

describe('carrier dimensions', () => {
  it('follow the canonical unit of each carrier', () => {
    expect(carrierDimensions('raw_coal')).toEqual(['mass']);
    expect(carrierDimensions('diesel')).toEqual(['mass', 'liquid_volume']);
    expect(carrierDimensions('natural_gas')).toEqual(['gas_volume']);
    expect(carrierDimensions('electricity')).toEqual(['electric_energy']);
    expect(carrierDimensions('heat')).toEqual(['heat_energy', 'tce']);
    expect(carrierDimensions('process_co2')).toEqual(['mass']);
  });

  it('every carrier accepts its own canonical unit', () => {
    for (const c of CARRIERS) expect(acceptedUnits(c.code)).toContain(c.unit);
  });

  it('rejects a unit that does not fit the carrier (kWh for coal)', () => {
    expect(() => unitDimension('kWh', 'raw_coal')).toThrow(UnitError);
    expect(() => convert(5, 'kWh', 't', 'raw_coal')).toThrow(
      /Unit "kWh" \(electric energy\) does not fit carrier raw_coal \(原煤\), measured in t; accepted units: t, kg, 10\^4 t/,
    );
    expect(() => convert(1, 'L', '10^4 m3', 'natural_gas')).toThrow(/does not fit carrier natural_gas/);
    expect(() => convert(1, 'L', 't', 'fuel_oil')).toThrow(/does not fit carrier fuel_oil/); // no density documented
    expect(() => convert(1, 'tce', '10^4 kWh', 'electricity')).toThrow(UnitError);
    expect(() => convert(1, 'm3', 't', 'raw_coal')).toThrow(UnitError);
  });
});

describe('convert', () => {
  it('scales within a dimension by powers of ten, exactly', () => {
    expect(convert(1500, 'kg', 't', 'raw_coal')).toBe(1.5); // 1500 kg / 1000
    expect(convert(2, '10^4 t', 't', 'raw_coal')).toBe(20000); // 2 × 10^4
    expect(convert(1_000_000, 'kWh', '10^4 kWh', 'electricity')).toBe(100); // 10^6 / 10^4
    expect(convert(2000, 'MWh', '10^4 kWh', 'electricity_export')).toBe(200); // 2000 × 1000 / 10^4
    expect(convert(123.4, '10^4 kWh', 'MWh', 'electricity')).toBe(1234); // × 10
    expect(convert(5000, 'MJ', 'GJ', 'heat')).toBe(5); // 5000 / 1000
    expect(convert(250_000, 'm3', '10^4 m3', 'natural_gas')).toBe(25);
    expect(convert(250_000, 'Nm3', '10^4 m3', 'natural_gas')).toBe(25); // Nm3 taken as the statistical m3
    expect(convert(7, 't', 't', 'diesel')).toBe(7);
  });

  it('converts liquid fuels by volume through the documented density', () => {
    // diesel 0.84 t/m3: 2000 L = 2 m3 → 2 × 0.84 = 1.68 t
    expect(convert(2000, 'L', 't', 'diesel')).toBeCloseTo(1.68, 12);
    // gasoline 0.73 t/m3: 10 m3 → 7.3 t; and back: 7.3 t / 0.73 = 10 m3 = 10 000 L
    expect(convert(10, 'm3', 't', 'gasoline')).toBeCloseTo(7.3, 12);
    expect(convert(7.3, 't', 'L', 'gasoline')).toBeCloseTo(10_000, 9);
    expect(convert(2000, 'L', 'kg', 'diesel')).toBeCloseTo(1680, 9);
  });

  it('converts heat to and from tce at 29.3076 GJ/tce', () => {
    expect(convert(2, 'tce', 'GJ', 'heat')).toBeCloseTo(58.6152, 12); // 2 × 29.3076
    expect(convert(29.3076, 'GJ', 'tce', 'heat_in_park')).toBeCloseTo(1, 12);
  });

  it('without a carrier needs a shared dimension', () => {
    expect(convert(3, 'MWh', 'kWh')).toBe(3000);
    expect(convert(2, 'm3', 'L')).toBe(2000); // both measure liquid volume
    expect(() => convert(1, 't', 'm3')).toThrow(/without a carrier/);
  });
});
