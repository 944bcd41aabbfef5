/**
 * Exogenous paths: energy and materials prices, minimum wage, general price
 * level, final demand and labour force, one value per reported quarter, with
 * the scenario's shocks applied. Computed once before the step loop.
 */
import type { Scenario, Shock, ShockVariable } from './params.ts';

export interface Paths {
  quarters: number;
  energy: Float64Array; // index, 1 at the start (general price level x own relative path)
  materials: Float64Array; // index
  other: Float64Array; // price index of other purchases: the general price level
  minimumWage: Float64Array; // ¥10k/year
  cpi: Float64Array; // index
  inflation: Float64Array; // yearly rate in force
  demand: Float64Array; // index of trend final demand
  laborForce: Float64Array; // index
}

/** Share of a shock that has built up at time y (years). */
function ramp(s: Shock, y: number): number {
  if (y < s.start) return 0;
  if (s.duration <= 0) return 1;
  return Math.min(1, (y - s.start) / s.duration);
}

function levelFactor(shocks: readonly Shock[], variable: ShockVariable, y: number): number {
  let f = 1;
  for (const s of shocks) if (s.variable === variable) f *= Math.pow(1 + s.size, ramp(s, y));
  return f;
}

export function buildPaths(sc: Scenario): Paths {
  const quarters = sc.years * 4;
  const p: Paths = {
    quarters,
    energy: new Float64Array(quarters),
    materials: new Float64Array(quarters),
    other: new Float64Array(quarters),
    minimumWage: new Float64Array(quarters),
    cpi: new Float64Array(quarters),
    inflation: new Float64Array(quarters),
    demand: new Float64Array(quarters),
    laborForce: new Float64Array(quarters),
  };
  let cpi = 1;
  for (let t = 0; t < quarters; t++) {
    const y = t / 4;
    const year = Math.floor(y);
    // The minimum wage changes once a year, in October (the fourth quarter), as in Japan;
    // shocks to it too.
    const raises = Math.floor((t + 1) / 4);
    p.minimumWage[t] =
      sc.labor.minimumWage *
      Math.pow(1 + sc.labor.minimumWageGrowth, raises) *
      levelFactor(sc.shocks, 'minimumWage', raises);
    let infl = sc.costs.inflation;
    for (const s of sc.shocks) {
      if (s.variable !== 'inflation') continue;
      const end = s.start + Math.max(1, s.duration);
      if (year >= s.start && year < end) infl += s.size;
    }
    p.inflation[t] = Math.max(-0.5, infl);
    if (t > 0) cpi *= Math.pow(1 + p.inflation[t], 0.25);
    p.cpi[t] = cpi;
    // Energy, materials and other purchases follow the general price level; the energy and
    // materials trends and shocks are relative to it.
    p.energy[t] =
      cpi * Math.pow(1 + sc.costs.energyPriceGrowth, y) * levelFactor(sc.shocks, 'energy', y);
    p.materials[t] =
      cpi * Math.pow(1 + sc.costs.materialsPriceGrowth, y) * levelFactor(sc.shocks, 'materials', y);
    p.other[t] = cpi;
    p.demand[t] = Math.pow(1 + sc.market.demandGrowth, y) * levelFactor(sc.shocks, 'demand', y);
    p.laborForce[t] =
      Math.pow(1 + sc.labor.laborForceGrowth, y) * levelFactor(sc.shocks, 'laborForce', y);
  }
  return p;
}
