/**
 * Shared helpers for the engine tests: scenario building (always through the
 * validating resolver, so a test never runs an invalid scenario), runs over
 * several seeds, medians, and the two accounting identities of the model
 * guide (section 6).
 */
import {
  mergeDeep,
  presetScenario,
  resolveScenario,
  simulate,
  type Scenario,
  type SimResult,
} from '../../src/engine/index.ts';

/** A valid scenario: `patch` merged over `base` (the defaults), validated; throws with the messages if invalid. */
export function scenario(patch: unknown = {}, base?: Scenario): Scenario {
  const r = resolveScenario(patch, base);
  if (!r.ok) throw new Error(`invalid test scenario: ${r.errors.join('; ')}`);
  return r.scenario;
}

/** A preset with a patch on top, validated. */
export function preset(name: string, patch: unknown = {}): Scenario {
  return scenario(patch, presetScenario(name));
}

export function run(patch: unknown = {}, base?: Scenario): SimResult {
  return simulate(scenario(patch, base));
}

export function median(xs: readonly number[]): number {
  const b = [...xs].sort((a, c) => a - c);
  const n = b.length;
  if (n === 0) return NaN;
  return n % 2 ? b[(n - 1) / 2] : (b[n / 2 - 1] + b[n / 2]) / 2;
}

export const SEEDS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Median over seeds of a statistic of the run of `sc` with each seed. */
export function medianOverSeeds(
  sc: Scenario,
  stat: (r: SimResult) => number,
  seeds: readonly number[] = SEEDS,
): number {
  return median(seeds.map((seed) => stat(simulate(mergeDeep(sc, { seed })))));
}

export const last = (a: Float64Array): number => a[a.length - 1];
export const total = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);
export const deepest = (r: SimResult): number => r.tiers - 1;

export interface IdentityFailure {
  quarter: number;
  identity: 'valueAdded' | 'costUps' | `costUps.${string}`;
  lhs: number;
  rhs: number;
}

/** The external cost items of the per-item cost-up identity, with their output keys. */
const ITEM_KEYS = [
  ['materials', 'costUpAbsorbedMaterials', 'externalCostUpMaterials', 'consumerBurdenMaterials'],
  ['energy', 'costUpAbsorbedEnergy', 'externalCostUpEnergy', 'consumerBurdenEnergy'],
  ['labour', 'costUpAbsorbedLabour', 'externalCostUpLabour', 'consumerBurdenLabour'],
  ['other', 'costUpAbsorbedOther', 'externalCostUpOther', 'consumerBurdenOther'],
] as const;

/**
 * Checks, every quarter, (a) sum over tiers of value added = final sales -
 * energy - materials - other purchases, (b) sum over tiers of cost-ups
 * absorbed + consumer burden = external cost-ups, and (c) the same for each
 * external item (materials, energy, labour, other), to a relative tolerance
 * of the flows involved. Returns the failures (empty when all hold).
 */
export function identityFailures(r: SimResult, rel = 1e-9): IdentityFailure[] {
  const out: IdentityFailure[] = [];
  const e = r.economy;
  for (let t = 0; t < r.quarters; t++) {
    let va = 0;
    let vaScale = 0;
    let absorbed = 0;
    let cuScale = 0;
    for (let k = 0; k < r.tiers; k++) {
      va += r.series.valueAdded[k][t];
      vaScale += Math.abs(r.series.valueAdded[k][t]);
      absorbed += r.series.costUpAbsorbed[k][t];
      cuScale += Math.abs(r.series.costUp[k][t]) + Math.abs(r.series.costUpAbsorbed[k][t]);
    }
    const rhsVa = e.finalSales[t] - e.energyCost[t] - e.materialsCost[t] - e.otherCost[t];
    vaScale +=
      Math.abs(e.finalSales[t]) +
      Math.abs(e.energyCost[t]) +
      Math.abs(e.materialsCost[t]) +
      Math.abs(e.otherCost[t]);
    if (!(Math.abs(va - rhsVa) <= rel * Math.max(vaScale, 1e-300))) {
      out.push({ quarter: t, identity: 'valueAdded', lhs: va, rhs: rhsVa });
    }
    const lhsCu = absorbed + e.consumerBurden[t];
    cuScale += Math.abs(e.consumerBurden[t]) + Math.abs(e.externalCostUp[t]);
    if (!(Math.abs(lhsCu - e.externalCostUp[t]) <= rel * Math.max(cuScale, 1e-300))) {
      out.push({ quarter: t, identity: 'costUps', lhs: lhsCu, rhs: e.externalCostUp[t] });
    }
    for (const [item, absorbedKey, externalKey, consumerKey] of ITEM_KEYS) {
      let lhs = e[consumerKey][t];
      let scale = Math.abs(lhs) + Math.abs(e[externalKey][t]) + cuScale;
      for (let k = 0; k < r.tiers; k++) {
        lhs += r.series[absorbedKey][k][t];
        scale += Math.abs(r.series[absorbedKey][k][t]);
      }
      if (!(Math.abs(lhs - e[externalKey][t]) <= rel * Math.max(scale, 1e-300))) {
        out.push({ quarter: t, identity: `costUps.${item}`, lhs, rhs: e[externalKey][t] });
      }
    }
  }
  return out;
}
