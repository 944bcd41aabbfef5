/**
 * The bands of a batch of A and B runs: per-scenario bands, the bands of the
 * run-by-run difference B − A, and who bore the cost-ups. Pure (no Svelte, no
 * DOM): the batch worker computes it off the page's thread.
 */
import {
  computeBands,
  describeValues,
  type Bands,
  type RunOutput,
  type Stat,
} from '../engine/batch.ts';
import { ECONOMY, SERIES, type Scenario, type Summary } from '../engine/index.ts';

/** Statistics of one value over the runs. */
export type Spread = Record<Stat, number>;

/** Who bears cost-ups, per bearer (each tier, then consumers): statistics of each run's total, ¥bn. */
export interface BurdenBands {
  A: Spread[];
  B: Spread[];
  /** Of the run-by-run difference B − A; null when A and B have different tiers. */
  diff: Spread[] | null;
}

/** The bands of both scenarios for one pair of inputs. */
export interface BandSet {
  /** The inputs the bands belong to. */
  a: Scenario;
  b: Scenario;
  runs: number;
  A: Bands;
  B: Bands;
  /** Bands of the run-by-run difference B − A (same tiers and quarters only). */
  diff: Bands | null;
  burden: BurdenBands;
  /**
   * How cost-ups were settled: per supplier tier and outcome (settledShares),
   * the mean over the runs of each run's mean over its rounds (means, so that
   * the four shares of a tier still add up to 1); null without runs.
   */
  settled: { A: number[][] | null; B: number[][] | null };
}

const SERIES_KEYS = Object.keys(SERIES);
const ECONOMY_KEYS = Object.keys(ECONOMY);

function total(a: Float64Array, from: number, n: number): number {
  let s = 0;
  for (let t = from; t < from + n; t++) if (a[t] === a[t]) s += a[t];
  return s;
}

/** Per run: cost-ups absorbed by each tier and paid by consumers over the period, ¥bn (as the burden chart). */
export function burdenTotals(o: RunOutput): number[] {
  const { tiers: T, quarters: Q, packed } = o;
  if (!packed) return [];
  const out: number[] = [];
  const at = SERIES_KEYS.indexOf('costUpAbsorbed') * T * Q;
  for (let k = 0; k < T; k++) out.push(total(packed, at + k * Q, Q) / 1000);
  const c = (SERIES_KEYS.length * T + ECONOMY_KEYS.indexOf('consumerBurden')) * Q;
  out.push(total(packed, c, Q) / 1000);
  return out;
}

const OUTCOME_KEYS = ['settledNotAsked', 'settledRefused', 'settledPart', 'settledFull'];

/** Per run: how cost-ups were settled, per supplier tier and outcome, over the rounds (as the settled chart). */
export function settledTotals(o: RunOutput): number[][] {
  const { tiers: T, quarters: Q, packed } = o;
  if (!packed) return [];
  const out: number[][] = [];
  for (let k = 1; k < T; k++) {
    out.push(
      OUTCOME_KEYS.map((key) => {
        const at = SERIES_KEYS.indexOf(key) * T * Q + k * Q;
        let s = 0;
        let n = 0;
        for (let t = at; t < at + Q; t++) {
          if (Number.isFinite(packed[t])) {
            s += packed[t];
            n++;
          }
        }
        return n > 0 ? s / n : NaN;
      }),
    );
  }
  return out;
}

/** Cell by cell, the mean over the runs of the defined values (NaN where none is). */
function meanOver(runs: number[][][]): number[][] | null {
  if (runs.length === 0) return null;
  return runs[0].map((row, k) =>
    row.map((_, j) => {
      let s = 0;
      let n = 0;
      for (const r of runs) {
        const x = r[k]?.[j];
        if (x !== undefined && Number.isFinite(x)) {
          s += x;
          n++;
        }
      }
      return n > 0 ? s / n : NaN;
    }),
  );
}

function spreads(rows: number[][]): Spread[] {
  const n = rows[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => describeValues(rows.map((r) => r[i])));
}

/** B − A of two summaries, field by field (per-tier fields tier by tier; null where either is). */
export function diffSummary(a: Summary, b: Summary): Summary {
  const out: Record<string, unknown> = {};
  for (const [k, va] of Object.entries(a) as [string, unknown][]) {
    const vb = (b as unknown as Record<string, unknown>)[k];
    const d = (x: unknown, y: unknown) =>
      typeof x === 'number' && typeof y === 'number' ? y - x : null;
    out[k] = Array.isArray(va)
      ? va.map((x, i) => d(x, (vb as unknown[] | undefined)?.[i]))
      : d(va, vb);
  }
  return out as unknown as Summary;
}

/**
 * Synthetic outputs of the run-by-run difference: run r of B minus run r of A
 * (packed arrays cell by cell). Null when the two do not have the same layout.
 */
export function pairedDifference(
  a: readonly RunOutput[],
  b: readonly RunOutput[],
): RunOutput[] | null {
  const n = Math.min(a.length, b.length);
  const out: RunOutput[] = [];
  for (let r = 0; r < n; r++) {
    const x = a[r];
    const y = b[r];
    if (!x.packed || !y.packed || x.tiers !== y.tiers || x.quarters !== y.quarters) return null;
    const packed = new Float64Array(x.packed.length);
    for (let i = 0; i < packed.length; i++) packed[i] = y.packed[i] - x.packed[i];
    out.push({
      index: r,
      seed: x.seed,
      summary: diffSummary(x.summary, y.summary),
      tiers: x.tiers,
      quarters: x.quarters,
      packed,
    });
  }
  return out;
}

/** The bands of a finished batch: outputs 0..runs-1 are A's runs, runs..2·runs-1 B's. */
export function bandSet(
  a: Scenario,
  b: Scenario,
  runs: number,
  outputs: readonly (RunOutput | undefined)[],
): BandSet {
  const ra = outputs.slice(0, runs).filter((o): o is RunOutput => !!o);
  const rb = outputs.slice(runs, 2 * runs).filter((o): o is RunOutput => !!o);
  const d = pairedDifference(ra, rb);
  const ta = ra.map(burdenTotals);
  const tb = rb.map(burdenTotals);
  const sameTiers = ra[0]?.tiers === rb[0]?.tiers;
  return {
    a,
    b,
    runs,
    A: computeBands(a, ra),
    B: computeBands(b, rb),
    diff: d ? computeBands(a, d) : null,
    burden: {
      A: spreads(ta),
      B: spreads(tb),
      diff: sameTiers ? spreads(ta.map((x, r) => x.map((v, i) => tb[r][i] - v))) : null,
    },
    settled: { A: meanOver(ra.map(settledTotals)), B: meanOver(rb.map(settledTotals)) },
  };
}
