/**
 * Each mechanism on tiny hand-checked networks (model guide section 12):
 * the network generator, negotiation, the below-cost ban, wage rounds and
 * the minimum-wage floor, order reallocation, exit with re-sourcing and
 * entry. Uses the model's internal arrays (price, sup, buy, L, w, x ...).
 */
import { describe, expect, it } from 'vitest';
import { generateNetwork, type Network } from '../../src/engine/index.ts';
import { createModel, startReporting, step, type Model } from '../../src/engine/model.ts';
import { Rng } from '../../src/engine/rng.ts';
import { run, scenario } from '../helpers/engine.ts';

/** Tiny, quiet scenario: no noise, no succession hazard, no entry, no burn-in. */
function tiny(patch: unknown = {}) {
  return scenario(
    {
      seed: 7,
      years: 3,
      network: {
        firmsPerTier: [1, 2, 2],
        customersPerSupplier: 1,
        crossChain: 0,
        tierSkip: 0,
        directSales: 0,
      },
      firms: { productivityNoise: 0, successionHazard: 0 },
      mechanisms: { entry: false },
      simulation: { burnInYears: 0 },
    },
    scenario(patch),
  );
}
function tinyWith(patch: unknown) {
  return scenario(patch, tiny());
}

function net(
  firmsPerTier: number[],
  customersPerSupplier: number,
  crossChain: number,
  tierSkip: number,
  seed = 1,
): Network {
  return generateNetwork(
    { firmsPerTier, customersPerSupplier, crossChain, tierSkip },
    new Rng(seed),
  );
}

describe('network generator', () => {
  it('customersPerSupplier = 1 gives a pyramid: each supplier has exactly one buyer, one tier up, in its chain; every buyer has a supplier', () => {
    for (const seed of [1, 2, 3]) {
      const n = net([3, 7, 20, 45], 1, 0.5, 0.5, seed);
      const outDeg = new Int32Array(n.nFirms);
      const inDeg = new Int32Array(n.nFirms);
      for (let l = 0; l < n.nLinks; l++) {
        const s = n.sup[l];
        const b = n.buy[l];
        outDeg[s]++;
        inDeg[b]++;
        expect(n.tierOf[s] - n.tierOf[b]).toBe(1);
        expect(n.chain[s]).toBe(n.chain[b]);
      }
      for (let i = 0; i < n.nFirms; i++) {
        if (n.tierOf[i] > 0) expect(outDeg[i], `firm ${i}`).toBe(1);
        if (n.tierOf[i] < n.tiers - 1) expect(inDeg[i], `firm ${i}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('crossChain = 0 keeps every link inside the home chain', () => {
    const n = net([4, 12, 36, 80], 4, 0, 0.2);
    for (let l = 0; l < n.nLinks; l++) expect(n.chain[n.sup[l]]).toBe(n.chain[n.buy[l]]);
  });

  it('crossChain > 0 produces links across chains', () => {
    const n = net([4, 12, 36, 80], 4, 0.5, 0);
    let cross = 0;
    for (let l = 0; l < n.nLinks; l++) if (n.chain[n.sup[l]] !== n.chain[n.buy[l]]) cross++;
    expect(cross).toBeGreaterThan(0);
  });

  it('tierSkip > 0 produces links that skip a tier; tierSkip = 0 none', () => {
    const skips = (n: Network) => {
      let c = 0;
      for (let l = 0; l < n.nLinks; l++) {
        const d = n.tierOf[n.sup[l]] - n.tierOf[n.buy[l]];
        expect(d === 1 || d === 2).toBe(true);
        if (d === 2) c++;
      }
      return c;
    };
    expect(skips(net([3, 9, 27, 60], 4, 0.2, 0.3))).toBeGreaterThan(0);
    expect(skips(net([3, 9, 27, 60], 4, 0.2, 0))).toBe(0);
  });

  it('more customers per supplier gives more links per supplier (mean about customersPerSupplier when buyers are plentiful)', () => {
    const n = net([20, 40, 80], 3, 0.3, 0);
    const suppliers = n.nFirms - 20;
    expect(n.nLinks / suppliers).toBeGreaterThan(2.5);
    expect(n.nLinks / suppliers).toBeLessThan(3.5);
  });

  it('links are grouped by the buyer’s tier (linkStart)', () => {
    const n = net([3, 9, 27, 60], 3, 0.2, 0.2);
    for (let k = 0; k < n.tiers; k++) {
      for (let l = n.linkStart[k]; l < n.linkStart[k + 1]; l++) expect(n.tierOf[n.buy[l]]).toBe(k);
    }
    expect(n.linkStart[n.tiers]).toBe(n.nLinks);
  });
});

function linkOf(m: Model, s: number, b: number): number {
  for (let l = 0; l < m.nLinks; l++) if (m.sup[l] === s && m.buy[l] === b) return l;
  throw new Error(`no link ${s} -> ${b}`);
}

describe('price negotiation', () => {
  it('with negotiation off, link prices never change', () => {
    const m = createModel(
      tinyWith({
        mechanisms: { negotiation: false },
        shocks: [{ variable: 'energy', start: 0, duration: 0, size: 1 }],
      }),
    );
    const p0 = Float64Array.from(m.price);
    startReporting(m);
    for (let t = 0; t < 12; t++) step(m, t);
    expect(Array.from(m.price)).toEqual(Array.from(p0));
  });

  it('with no bargaining power, full pass-through floor, no cost-down and no gain sharing, the price is unit cost x (1 + marginMin) after one round', () => {
    const sc = tinyWith({
      policy: { passThroughFloor: 1, costDown: 0, gainShareFloor: 0 },
      bargaining: { betaMin: 0, betaMax: 0, marginMin: 0.03 },
    });
    const m = createModel(sc);
    step(m, -4); // a burn-in quarter with a negotiation round
    for (let l = 0; l < m.nLinks; l++) {
      expect(m.price[l]).toBeCloseTo(m.unitCost[m.sup[l]] * 1.03, 10);
    }
  });

  it('a cost-down demand lowers the price below cost-plus by the pro-rated wedge', () => {
    const sc = tinyWith({
      policy: { passThroughFloor: 1, costDown: 0.08, gainShareFloor: 0 },
      bargaining: { betaMin: 0, betaMax: 0, marginMin: 0.03 },
      mechanisms: { cascade: false },
      simulation: { roundsPerYear: 2 },
    });
    const m = createModel(sc);
    step(m, -4);
    for (let l = 0; l < m.nLinks; l++) {
      expect(m.price[l]).toBeCloseTo(m.unitCost[m.sup[l]] * 1.03 * (1 - 0.04), 10);
    }
  });

  it('the ban on prices below unit cost keeps every price >= unit cost', () => {
    const patch = {
      policy: { passThroughFloor: 1, costDown: 0.1, gainShareFloor: 0 },
      bargaining: { betaMin: 0, betaMax: 0, marginMin: -0.05, marginMax: 0 },
    };
    const banned = createModel(
      tinyWith({ ...patch, policy: { ...patch.policy, belowCostBan: true } }),
    );
    const free = createModel(tinyWith(patch));
    step(banned, -4);
    step(free, -4);
    for (let l = 0; l < banned.nLinks; l++) {
      expect(banned.price[l]).toBeGreaterThanOrEqual(banned.unitCost[banned.sup[l]] * (1 - 1e-12));
      expect(free.price[l]).toBeLessThan(free.unitCost[free.sup[l]]);
    }
  });

  it('buyers move part of the way: price after one round = old + floor x (target - old) when power is zero', () => {
    const sc = tinyWith({
      policy: { passThroughFloor: 0.4, costDown: 0, gainShareFloor: 0 },
      bargaining: { betaMin: 0, betaMax: 0, marginMin: 0.02 },
      mechanisms: { cascade: false },
    });
    const m = createModel(sc);
    const old = Float64Array.from(m.price);
    step(m, -4);
    for (let l = 0; l < m.nLinks; l++) {
      const target = m.unitCost[m.sup[l]] * 1.02;
      expect(m.price[l]).toBeCloseTo(old[l] + 0.4 * (target - old[l]), 10);
    }
  });
});

describe('wages', () => {
  it('with wage rounds off, wages stay at their starting values except where the minimum wage overtakes them', () => {
    const r = run({
      seed: 3,
      years: 12,
      network: { firmsPerTier: [1, 2, 4] },
      mechanisms: { wages: false, exit: false, entry: false },
      labor: { minimumWage: 240, minimumWageGrowth: 0.1 },
    });
    const w0 = r.series.wage[0][0];
    const wT0 = r.series.wage[2][0];
    expect(w0).toBeCloseTo(580, 9);
    for (let t = 0; t < r.quarters; t++) {
      expect(r.series.wage[0][t]).toBeCloseTo(Math.max(w0, r.economy.minimumWage[t]), 8);
      expect(r.series.wage[2][t]).toBeCloseTo(Math.max(wT0, r.economy.minimumWage[t]), 8);
    }
    // The minimum wage does overtake the deepest tier within the period.
    expect(r.economy.minimumWage[r.quarters - 1]).toBeGreaterThan(wT0);
  });

  it('the minimum-wage floor binds: with a minimum above every affordable raise, the deepest tier pays exactly the minimum after the first wage round', () => {
    const r = run({
      seed: 3,
      years: 3,
      network: { firmsPerTier: [1, 2, 4] },
      labor: { minimumWage: 600, minimumWageGrowth: 0.02, minimumWageSpillover: 0 },
      costs: { inflation: 0 },
    });
    for (let t = 4; t < r.quarters; t++) {
      expect(r.series.wage[2][t] / r.economy.minimumWage[t]).toBeCloseTo(1, 9);
    }
  });
});

describe('order reallocation', () => {
  function shortage(realloc: boolean) {
    // Tier 0: one buyer; tier 1: two suppliers of it, one of which lost 60% of its workers.
    const m = createModel(
      scenario({
        seed: 1,
        network: { firmsPerTier: [1, 2], customersPerSupplier: 1, directSales: 0 },
        firms: { spareCapacity: 0.3, productivityNoise: 0 },
        mechanisms: { reallocation: realloc },
        simulation: { burnInYears: 0 },
      }),
    );
    m.L[1] *= 0.4;
    step(m, -1); // a quarter without a negotiation round
    return m;
  }

  it('moves orders a supplier cannot fill to the other supplier with spare capacity', () => {
    const on = shortage(true);
    const off = shortage(false);
    const l2on = linkOf(on, 2, 0);
    const l2off = linkOf(off, 2, 0);
    // Without reallocation the healthy supplier delivers only its own orders; with it, more.
    expect(on.q[l2on]).toBeGreaterThan(off.q[l2off] * 1.05);
    expect(on.x[0]).toBeGreaterThan(off.x[0]);
    // The constrained supplier works at capacity either way.
    expect(on.x[1]).toBeCloseTo(on.A[1] * on.L[1], 9);
    // Nobody produces more than its capacity.
    for (const m of [on, off])
      for (let i = 0; i < m.nFirms; i++)
        expect(m.x[i]).toBeLessThanOrEqual(m.A[i] * m.L[i] * (1 + 1e-12));
  });

  it('in a pyramid with one supplier per buyer, the lost orders are lost', () => {
    const m = createModel(
      scenario({
        seed: 1,
        network: { firmsPerTier: [1, 1], customersPerSupplier: 1, directSales: 0 },
        firms: { spareCapacity: 0.3, productivityNoise: 0 },
        simulation: { burnInYears: 0 },
      }),
    );
    m.L[1] *= 0.4;
    step(m, -1);
    expect(m.x[0]).toBeCloseTo(m.x[1], 9);
    expect(m.x[0]).toBeLessThan(m.orders[0]);
  });
});

describe('exit, re-sourcing and entry', () => {
  function insolvent(patch: unknown = {}) {
    const m = createModel(tinyWith(patch));
    startReporting(m);
    const victim = 3; // first tier-2 firm
    m.E[victim] = -1e15;
    return { m, victim };
  }

  it('an insolvent firm (negative equity 4 quarters) exits and its buyers re-source to a live supplier of the same tier', () => {
    const { m, victim } = insolvent({ network: { firmsPerTier: [1, 2, 4] } });
    const linksOfVictim: number[] = [];
    for (let l = 0; l < m.nLinks; l++) if (m.sup[l] === victim) linksOfVictim.push(l);
    expect(linksOfVictim.length).toBeGreaterThan(0);
    for (let t = 0; t < 4; t++) step(m, t);
    expect(m.alive[victim]).toBe(0);
    expect(m.flows.exits[2]).toBe(1);
    for (const l of linksOfVictim) {
      expect(m.sup[l]).not.toBe(victim);
      expect(m.alive[m.sup[l]]).toBe(1);
      expect(m.net.tierOf[m.sup[l]]).toBe(2);
    }
    // The buyer keeps producing from the substitute.
    step(m, 4);
    for (const l of linksOfVictim) expect(m.q[l]).toBeGreaterThan(0);
  });

  it('with exit off, the insolvent firm stays', () => {
    const { m, victim } = insolvent({
      network: { firmsPerTier: [1, 2, 4] },
      mechanisms: { exit: false },
    });
    for (let t = 0; t < 8; t++) step(m, t);
    expect(m.alive[victim]).toBe(1);
  });

  it('new firms enter the slot of an exited firm in a profitable tier', () => {
    const { m, victim } = insolvent({
      network: { firmsPerTier: [1, 2, 4] },
      mechanisms: { entry: true },
      firms: { entryMargin: -0.05, entryRate: 0.2 },
    });
    let entered = 0;
    for (let t = 0; t < 12; t++) {
      step(m, t);
      entered += m.flows.entries[2];
    }
    expect(entered).toBeGreaterThanOrEqual(1);
    expect(m.alive[victim]).toBe(1);
    expect(m.original[victim]).toBe(0);
  });

  it('no entry when the tier’s margin is below the entry threshold', () => {
    const { m } = insolvent({
      network: { firmsPerTier: [1, 2, 4] },
      mechanisms: { entry: true },
      firms: { entryMargin: 0.3, entryRate: 0.2 },
    });
    let entered = 0;
    for (let t = 0; t < 12; t++) {
      step(m, t);
      entered += m.flows.entries[2];
    }
    expect(entered).toBe(0);
  });
});
