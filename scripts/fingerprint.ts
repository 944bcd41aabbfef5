/** Fingerprints of model outputs for the regression baseline (see scripts/baseline.ts). */
import { mergeDeep, presetScenario, simulate, type SimResult } from '../src/engine/index.ts';

export const BASELINE_SCENARIOS: Record<
  string,
  { preset: string; patch: Record<string, unknown> }
> = {
  'large-firm-led': { preset: 'large-firm-led', patch: { years: 8 } },
  layered: { preset: 'layered', patch: { years: 8, seed: 2 } },
  'japan-2024': { preset: 'japan-2024', patch: { years: 8, seed: 3 } },
  'five-tiers-support': {
    preset: 'japan-2024',
    patch: {
      years: 6,
      network: { firmsPerTier: [2, 6, 20, 50, 120, 300] },
      policy: { buyerSupport: 0.05, subsidy: 0.2, belowCostBan: true },
    },
  },
};

type Print = Record<string, number | null | (number | null)[]>;

const sig = (x: number): number | null => (Number.isFinite(x) ? +x.toPrecision(13) : null);

/** Per series and tier: the sum over quarters and the last value; per economy key likewise. */
export function fingerprintResult(r: SimResult): Print {
  const out: Print = {};
  for (const [key, perTier] of Object.entries(r.series)) {
    out[`series.${key}.sum`] = perTier.map((a) =>
      sig(a.reduce((s, x) => (x === x ? s + x : s), 0)),
    );
    out[`series.${key}.last`] = perTier.map((a) => sig(a[a.length - 1]));
  }
  for (const [key, a] of Object.entries(r.economy)) {
    out[`economy.${key}.sum`] = sig(a.reduce((s, x) => (x === x ? s + x : s), 0));
    out[`economy.${key}.last`] = sig(a[a.length - 1]);
  }
  return out;
}

export function fingerprint(): Record<string, Print> {
  const out: Record<string, Print> = {};
  for (const [name, { preset, patch }] of Object.entries(BASELINE_SCENARIOS)) {
    out[name] = fingerprintResult(simulate(mergeDeep(presetScenario(preset), patch)));
  }
  return out;
}
