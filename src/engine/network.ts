/**
 * The supplier network generator. A captive pyramid and a layered web are two
 * settings of the same generator: every supplier has a primary buyer in its
 * home chain one tier up (this alone gives a pyramid); extra customer links
 * (mean customersPerSupplier - 1) go across chains and skip tiers with the
 * given shares.
 *
 * Firms are numbered tier by tier (tier 0 first). Links are stored as flat
 * typed arrays (supplier, buyer, weight) grouped by the buyer's tier, so a
 * single pass over a group handles every purchase of that tier.
 */
import type { Rng } from './rng.ts';

export interface NetworkSpec {
  firmsPerTier: readonly number[];
  customersPerSupplier: number;
  crossChain: number;
  tierSkip: number;
}

export interface Network {
  tiers: number; // T + 1
  nFirms: number;
  tierStart: Int32Array; // length tiers + 1
  tierOf: Uint8Array;
  /** Home chain of each firm: the index of the tier-0 firm at the top of its pyramid. */
  chain: Int32Array;
  /** Per tier and chain: first firm of the chain's block in that tier, and count. */
  chainFirst: Int32Array; // tiers * nChains
  chainCount: Int32Array;
  nChains: number;
  nLinks: number;
  sup: Int32Array;
  buy: Int32Array;
  weight: Float64Array;
  /**
   * Links whose buyer is in tier k are linkStart[k] .. linkStart[k + 1] - 1
   * (k = 0 .. T): first those to tier k + 1, then, from skipStart[k], those
   * that skip a tier.
   */
  linkStart: Int32Array;
  skipStart: Int32Array;
}

/** Buyer index in tier `bt` for supplier position j among n suppliers (balanced blocks). */
function blockParent(j: number, n: number, nParent: number): number {
  return Math.min(nParent - 1, Math.floor((j * nParent) / n));
}

export function generateNetwork(spec: NetworkSpec, rng: Rng): Network {
  const counts = spec.firmsPerTier;
  const tiers = counts.length;
  const tierStart = new Int32Array(tiers + 1);
  for (let k = 0; k < tiers; k++) tierStart[k + 1] = tierStart[k] + counts[k];
  const nFirms = tierStart[tiers];
  const nChains = counts[0];

  const tierOf = new Uint8Array(nFirms);
  const chain = new Int32Array(nFirms);
  // Primary parent of each supplier (within the tier above), chain inherited.
  for (let k = 0; k < tiers; k++) {
    for (let j = 0; j < counts[k]; j++) {
      const f = tierStart[k] + j;
      tierOf[f] = k;
      if (k === 0) chain[f] = j;
      else chain[f] = chain[tierStart[k - 1] + blockParent(j, counts[k], counts[k - 1])];
    }
  }
  // Chain blocks per tier: chains are contiguous within a tier because parents are blocks.
  const chainFirst = new Int32Array(tiers * nChains).fill(-1);
  const chainCount = new Int32Array(tiers * nChains);
  for (let f = 0; f < nFirms; f++) {
    const idx = tierOf[f] * nChains + chain[f];
    if (chainFirst[idx] < 0) chainFirst[idx] = f;
    chainCount[idx]++;
  }

  // Links as they are drawn (supplier, buyer), in growable typed arrays.
  let supL = new Int32Array(
    Math.max(16, Math.ceil((nFirms - nChains) * Math.max(1, spec.customersPerSupplier) * 1.25)),
  );
  let buyL = new Int32Array(supL.length);
  let nL = 0;
  const addLink = (s: number, b: number) => {
    if (nL === supL.length) {
      const grow = (a: Int32Array) => {
        const g = new Int32Array(2 * a.length);
        g.set(a);
        return g;
      };
      supL = grow(supL);
      buyL = grow(buyL);
    }
    supL[nL] = s;
    buyL[nL] = b;
    nL++;
  };
  const pickInTier = (t: number, c: number, cross: boolean): number => {
    if (cross && nChains > 1) {
      // Any firm of the tier outside chain c (a few tries, then give up on crossing).
      for (let tries = 0; tries < 8; tries++) {
        const f = tierStart[t] + rng.int(counts[t]);
        if (chain[f] !== c) return f;
      }
    }
    const idx = t * nChains + c;
    if (chainCount[idx] > 0) return chainFirst[idx] + rng.int(chainCount[idx]);
    return tierStart[t] + rng.int(counts[t]);
  };

  const extraMean = Math.max(0, spec.customersPerSupplier - 1);
  for (let k = 1; k < tiers; k++) {
    for (let j = 0; j < counts[k]; j++) {
      const s = tierStart[k] + j;
      const primary = tierStart[k - 1] + blockParent(j, counts[k], counts[k - 1]);
      // This supplier's customers are buyL[first .. nL - 1].
      const first = nL;
      addLink(s, primary);
      // Extra customers: Poisson with mean customersPerSupplier - 1, capped by the buyers available.
      const available = counts[k - 1] + (k >= 2 ? counts[k - 2] : 0) - 1;
      const extra = Math.min(available, rng.poisson(extraMean));
      for (let e = 0; e < extra; e++) {
        for (let tries = 0; tries < 6; tries++) {
          const skip = k >= 2 && rng.next() < spec.tierSkip;
          const bt = skip ? k - 2 : k - 1;
          const cross = rng.next() < spec.crossChain;
          const b = pickInTier(bt, chain[s], cross);
          let mine = false;
          for (let x = first; x < nL; x++) if (buyL[x] === b) mine = true;
          if (!mine) {
            addLink(s, b);
            break;
          }
        }
      }
    }
  }
  // Every buyer above the deepest tier needs at least one supplier.
  const hasSupplier = new Uint8Array(nFirms);
  for (let i = 0; i < nL; i++) hasSupplier[buyL[i]] = 1;
  for (let k = 0; k < tiers - 1; k++) {
    for (let j = 0; j < counts[k]; j++) {
      const b = tierStart[k] + j;
      if (!hasSupplier[b]) {
        const s = tierStart[k + 1] + blockParent(j, counts[k], counts[k + 1]);
        addLink(s, b);
      }
    }
  }

  // Sort by (buyer tier, skipping or not, buyer): counting sort on the buyer,
  // then a stable counting sort on the (tier, skip) key.
  const nLinks = nL;
  const byBuyer = new Int32Array(nFirms + 1);
  for (let i = 0; i < nLinks; i++) byBuyer[buyL[i] + 1]++;
  for (let f = 0; f < nFirms; f++) byBuyer[f + 1] += byBuyer[f];
  const pos = byBuyer.slice(0, nFirms);
  const order = new Int32Array(nLinks);
  for (let i = 0; i < nLinks; i++) order[pos[buyL[i]]++] = i;
  const key = new Int32Array(nLinks);
  for (let i = 0; i < nLinks; i++) {
    const kb = tierOf[buyL[i]];
    key[i] = 2 * kb + (tierOf[supL[i]] - kb > 1 ? 1 : 0);
  }
  const keyStart = new Int32Array(2 * tiers + 1);
  for (let i = 0; i < nLinks; i++) keyStart[key[i] + 1]++;
  for (let k = 0; k < 2 * tiers; k++) keyStart[k + 1] += keyStart[k];
  const kpos = keyStart.slice(0, 2 * tiers);
  const sup = new Int32Array(nLinks);
  const buy = new Int32Array(nLinks);
  for (let j = 0; j < nLinks; j++) {
    const i = order[j];
    const p = kpos[key[i]]++;
    sup[p] = supL[i];
    buy[p] = buyL[i];
  }
  const linkStart = new Int32Array(tiers + 1);
  const skipStart = new Int32Array(tiers);
  for (let k = 0; k < tiers; k++) {
    linkStart[k] = keyStart[2 * k];
    skipStart[k] = keyStart[2 * k + 1];
  }
  linkStart[tiers] = nLinks;
  // Each buyer splits its inputs evenly across its suppliers at the start.
  const weight = new Float64Array(nLinks).fill(1);

  return {
    tiers,
    nFirms,
    tierStart,
    tierOf,
    chain,
    chainFirst,
    chainCount,
    nChains,
    nLinks,
    sup,
    buy,
    weight,
    linkStart,
    skipStart,
  };
}
