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

/**
 * Quiet negotiation: zero power, no squeeze cascade, no scarcity premium, no
 * re-quotes, no cost-down, no policy pressure; asking and answering depend on
 * askBase and respondBase alone.
 */
function quiet(patch: unknown = {}) {
  return scenario(
    patch,
    tinyWith({
      policy: {
        costDown: 0,
        passThroughFloor: 0,
        gainShareFloor: 0,
        laborCostAcceptance: 0.3,
        declarationShare: 0,
        enforcement: 0,
        negotiationPush: 0,
      },
      bargaining: {
        askDependency: 0,
        askSqueeze: 0,
        respondSqueeze: 0,
        betaMin: 0,
        betaMax: 0,
        marginMin: 0.3,
        marginMax: 0.3,
        requoteShare: 0,
        commonItemPass: 0.6,
        askThreshold: 0,
      },
      mechanisms: { cascade: false, scarcity: false },
      costs: { inflation: 0 },
    }),
  );
}

/** A model of `sc` after its burn-in, with energy doubled from the first reported quarter. */
function afterBurnIn(sc: ReturnType<typeof quiet>): Model {
  const m = createModel(
    scenario({ shocks: [{ variable: 'energy', start: 0, duration: 0, size: 1 }] }, sc),
  );
  startReporting(m);
  return m;
}

describe('price negotiation: prices are contracts changed by events', () => {
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

  it('a settled claim passes the common items at commonItemPass (zero power): price + 0.6 x the energy cost-up', () => {
    const m = afterBurnIn(quiet({ bargaining: { askBase: 1, respondBase: 1 } }));
    const p0 = Float64Array.from(m.price);
    step(m, 0); // a round: energy doubled since the links' prices were agreed
    const e = m.sc.costs.energyIntensity;
    for (let l = 0; l < m.nLinks; l++) expect(m.price[l]).toBeCloseTo(p0[l] + 0.6 * e, 12);
    // The claim is closed: the basis is today's cost.
    for (let l = 0; l < m.nLinks; l++) expect(m.bEn[l]).toBeCloseTo(2 * e, 12);
  });

  it('labour claims pass at the labour-cost acceptance, common items at their own share', () => {
    const m = afterBurnIn(quiet({ bargaining: { askBase: 1, respondBase: 1 } }));
    step(m, 0);
    for (let i = 0; i < m.nFirms; i++) m.w[i] *= 1.1; // a wage rise after the round
    const p1 = Float64Array.from(m.price);
    step(m, 1);
    step(m, 2); // the next round
    for (let l = 0; l < m.nLinks; l++) {
      const s = m.sup[l];
      const labourClaim = (m.w[s] - m.w[s] / 1.1) / (4 * m.bA[l] * m.util); // at basis productivity
      expect(m.price[l] - p1[l]).toBeGreaterThan(0.3 * labourClaim * (1 - 1e-9));
    }
  });

  it('a refused request leaves the price unchanged and the claim is remembered (memory 1) or partly forgotten (0.5)', () => {
    for (const memory of [1, 0.5]) {
      const m = afterBurnIn(
        quiet({ bargaining: { askBase: 1, respondBase: 0, claimMemory: memory } }),
      );
      const p0 = Float64Array.from(m.price);
      const b0 = Float64Array.from(m.bEn);
      step(m, 0);
      const e = m.sc.costs.energyIntensity;
      for (let l = 0; l < m.nLinks; l++) {
        expect(m.price[l]).toBe(p0[l]);
        // The basis moves (1 - memory) of the way to today's energy cost.
        expect(m.bEn[l]).toBeCloseTo(b0[l] + (1 - memory) * (2 * e - b0[l]), 12);
      }
      // Measured: every supplier asked and got nothing.
      expect(m.flows.outRefused[1] + m.flows.outRefused[2]).toBe(m.nFirms - 1);
      expect(m.flows.refused[1] + m.flows.refused[2]).toBe(m.nLinks);
    }
  });

  it('a supplier that does not ask gets nothing: "did not ask" for every measured supplier', () => {
    const m = afterBurnIn(quiet({ bargaining: { askBase: 0, askSqueeze: 0, respondBase: 1 } }));
    const p0 = Float64Array.from(m.price);
    step(m, 0);
    expect(Array.from(m.price)).toEqual(Array.from(p0));
    expect(m.flows.outNotAsked[1] + m.flows.outNotAsked[2]).toBe(m.nFirms - 1);
    expect(m.flows.requests[1] + m.flows.requests[2]).toBe(0);
  });

  it('cost-down requests compound: two rounds at 8% a year (2 rounds) cut the price by 1 - 0.96^2', () => {
    const m = createModel(quiet({ policy: { costDown: 0.08 } }));
    const p0 = Float64Array.from(m.price);
    step(m, -4);
    step(m, -3);
    step(m, -2);
    for (let l = 0; l < m.nLinks; l++) expect(m.price[l]).toBeCloseTo(p0[l] * 0.96 * 0.96, 12);
  });

  it('a gain-sharing contract caps the cut at the buyer’s share of the savings made: no savings, no cut', () => {
    const m = createModel(
      quiet({ policy: { costDown: 0.08, gainShareFloor: 0.5 }, mechanisms: { investment: false } }),
    );
    const p0 = Float64Array.from(m.price);
    step(m, -4);
    step(m, -3);
    step(m, -2);
    expect(Array.from(m.price)).toEqual(Array.from(p0));
  });

  it('the ban on prices below unit cost floors a cut price at cost plus the least margin (1% here); without it the cut goes below cost', () => {
    const patch = {
      policy: { costDown: 0.1 },
      bargaining: { marginMin: 0.01, marginMax: 0.01 },
    };
    const banned = createModel(quiet({ ...patch, policy: { costDown: 0.1, belowCostBan: true } }));
    const free = createModel(quiet(patch));
    step(banned, -4);
    step(free, -4);
    for (let l = 0; l < banned.nLinks; l++) {
      expect(banned.price[l]).toBeCloseTo(banned.unitCost[banned.sup[l]] * 1.01, 12);
      expect(free.price[l]).toBeLessThan(free.unitCost[free.sup[l]]);
    }
  });

  it('the reservation price binds when exit is credible (negative equity): refused, the price still rises to cost x (1 + marginMin)', () => {
    const m = createModel(
      quiet({
        policy: { costDown: 0.1 },
        bargaining: { marginMin: 0.02, marginMax: 0.02, askBase: 1, respondBase: 0 },
      }),
    );
    startReporting(m);
    const victim = m.sup[0];
    m.E[victim] = -1;
    step(m, 0);
    for (let l = 0; l < m.nLinks; l++) {
      const s = m.sup[l];
      const reserve = m.unitCost[s] * 1.02;
      if (s === victim) expect(m.price[l]).toBeCloseTo(reserve, 12);
      else expect(m.price[l]).toBeLessThan(reserve);
    }
  });

  it('a re-quote prices a link anew at cost plus the bargained margin less the cost-down', () => {
    const m = createModel(quiet({ policy: { costDown: 0.08 } }));
    m.requote[0] = 1;
    step(m, -4);
    expect(m.price[0]).toBeCloseTo(m.unitCost[m.sup[0]] * 1.3 * 0.96, 12);
    expect(m.requote[0]).toBe(0);
  });

  it('no agreed price exceeds the buyer’s outside option (tier mean cost x (1 + marginMax) x (1 + switching cost))', () => {
    const m = afterBurnIn(
      quiet({
        bargaining: { askBase: 1, respondBase: 1, switchingCost: 0, commonItemPass: 1 },
        costs: { energyIntensity: 0.1 },
      }),
    );
    step(m, 0);
    for (let l = 0; l < m.nLinks; l++) {
      const k = m.net.tierOf[m.sup[l]];
      expect(m.price[l]).toBeLessThanOrEqual(m.altCost[k] * 1.3 * (1 + 1e-12));
    }
  });

  it('rounds per year 1, 2 and 4 give rounds in 1, 2 and 4 quarters of each year', () => {
    for (const rpy of [1, 2, 4]) {
      const r = run({ seed: 2, years: 2, simulation: { roundsPerYear: rpy } });
      let rounds = 0;
      for (let t = 0; t < 4; t++) if (!Number.isNaN(r.series.passThrough[1][t])) rounds++;
      expect(rounds, `roundsPerYear ${rpy}`).toBeLessThanOrEqual(rpy);
      expect(r.scenario.simulation.roundsPerYear).toBe(rpy);
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

  it('the minimum-wage floor binds: with a minimum above every wage and no other raise, the deepest tier pays exactly the minimum in every quarter', () => {
    const r = run({
      seed: 3,
      years: 3,
      network: { firmsPerTier: [1, 2, 4] },
      labor: {
        minimumWage: 600,
        minimumWageGrowth: 0.02,
        minimumWageSpillover: 0,
        wageProductivityShare: 0,
        wageCatchUp: 0,
        vacancyWagePush: 0,
      },
      costs: { inflation: 0 },
    });
    for (let t = 0; t < r.quarters; t++) {
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

  const pyramid = (spotSupply: number) =>
    createModel(
      scenario({
        seed: 1,
        network: { firmsPerTier: [1, 1], customersPerSupplier: 1, directSales: 0 },
        firms: { spareCapacity: 0.3, productivityNoise: 0 },
        market: { spotSupply },
        simulation: { burnInYears: 0 },
      }),
    );

  it('in a pyramid with one supplier per buyer and no spot market, the lost orders are lost', () => {
    const m = pyramid(0);
    m.L[1] *= 0.4;
    step(m, -1);
    expect(m.x[0]).toBeCloseTo(m.x[1], 9);
    expect(m.x[0]).toBeLessThan(m.orders[0]);
    expect(m.spot[0]).toBe(0);
  });

  it('the spot market replaces its share of an undelivered part, at the spot price (hand-checked)', () => {
    const m = pyramid(0.6);
    m.L[1] *= 0.4;
    step(m, -1);
    const gap = m.planned[0] - m.x[1];
    expect(gap).toBeGreaterThan(0);
    expect(m.spot[0]).toBeCloseTo(0.6 * gap, 9);
    expect(m.x[0]).toBeCloseTo(m.x[1] + 0.6 * gap, 9);
    // The spot purchases are other purchases of the buyer, at the spot price of tier-1 parts:
    // value added = revenue - link purchases - energy - materials - other purchases.
    const c = m.sc.costs;
    const other = c.otherIntensity * m.x[0] + m.spotNow[1] * m.spot[0];
    const bought = m.purchases[0] + c.energyIntensity * m.x[0] + m.matInt[0] * m.x[0] + other;
    expect(m.va[0]).toBeCloseTo(m.revenue[0] - bought, 6);
    // The spot price is above the supplier's link price: replacing a part costs the buyer.
    expect(m.spotNow[1]).toBeGreaterThan(m.price[0]);
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

  it('an insolvent firm (cash and credit run out for two quarters) exits, counted as insolvency, and its buyers re-source to a live supplier of the same tier', () => {
    const { m, victim } = insolvent({ network: { firmsPerTier: [1, 2, 4] } });
    const linksOfVictim: number[] = [];
    for (let l = 0; l < m.nLinks; l++) if (m.sup[l] === victim) linksOfVictim.push(l);
    expect(linksOfVictim.length).toBeGreaterThan(0);
    step(m, 0);
    expect(m.alive[victim]).toBe(1);
    step(m, 1);
    expect(m.alive[victim]).toBe(0);
    expect(m.flows.exits[2]).toBe(1);
    expect(m.flows.exitsInsolvency[2]).toBe(1);
    expect(m.flows.exitsSuccession[2]).toBe(0);
    for (const l of linksOfVictim) {
      expect(m.sup[l]).not.toBe(victim);
      expect(m.alive[m.sup[l]]).toBe(1);
      expect(m.net.tierOf[m.sup[l]]).toBe(2);
    }
    // The buyer keeps producing from the substitute, under a new contract quoted at the next round.
    for (const l of linksOfVictim) expect(m.requote[l]).toBe(1);
    step(m, 2);
    for (const l of linksOfVictim) expect(m.q[l]).toBeGreaterThan(0);
    for (const l of linksOfVictim) expect(m.requote[l]).toBe(0);
  });

  it('without the cash-and-credit mechanism, negative equity for four quarters is insolvency', () => {
    const { m, victim } = insolvent({
      network: { firmsPerTier: [1, 2, 4] },
      mechanisms: { credit: false },
    });
    for (let t = 0; t < 3; t++) step(m, t);
    expect(m.alive[victim]).toBe(1);
    step(m, 3);
    expect(m.alive[victim]).toBe(0);
  });

  it('succession exits are counted apart from insolvencies', () => {
    const r = run({
      seed: 4,
      years: 6,
      network: { firmsPerTier: [2, 6, 30] },
      firms: { successionHazard: 0.1 },
      mechanisms: { entry: false },
    });
    const succ = r.series.exitsSuccession[2].reduce((a, b) => a + b, 0);
    const all = r.series.exits[2].reduce((a, b) => a + b, 0);
    const ins = r.series.exitsInsolvency[2].reduce((a, b) => a + b, 0);
    expect(succ).toBeGreaterThan(3);
    expect(succ + ins).toBe(all);
    // Tier 1 is not a small tier: no succession hazard.
    expect(r.series.exitsSuccession[1].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('entry refills an emptied tier', () => {
    const m = createModel(
      tinyWith({
        network: { firmsPerTier: [1, 2, 4] },
        mechanisms: { entry: true },
        firms: { entryRate: 0.2 },
      }),
    );
    startReporting(m);
    for (let i = m.net.tierStart[2]; i < m.net.tierStart[3]; i++) m.E[i] = -1e15;
    for (let t = 0; t < 2; t++) step(m, t);
    let alive2 = 0;
    for (let i = m.net.tierStart[2]; i < m.net.tierStart[3]; i++) alive2 += m.alive[i];
    expect(alive2).toBe(0);
    for (let t = 2; t < 5; t++) step(m, t); // entry comes in the first quarter of the next year
    alive2 = 0;
    for (let i = m.net.tierStart[2]; i < m.net.tierStart[3]; i++) alive2 += m.alive[i];
    expect(alive2).toBeGreaterThanOrEqual(1);
    // Its buyers' links find the entrant again.
    let supplied = 0;
    for (let l = 0; l < m.nLinks; l++)
      if (m.alive[m.sup[l]] && m.net.tierOf[m.sup[l]] === 2) supplied++;
    expect(supplied).toBeGreaterThan(0);
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
      // Unfilled orders also draw entrants (docs/model.md section 12): the firms left have spare
      // capacity enough for the exited firm's orders, so none go unfilled here.
      firms: { entryMargin: 0.3, entryRate: 0.2, spareCapacity: 0.5 },
    });
    let entered = 0;
    for (let t = 0; t < 12; t++) {
      step(m, t);
      entered += m.flows.entries[2];
    }
    expect(entered).toBe(0);
  });
});
