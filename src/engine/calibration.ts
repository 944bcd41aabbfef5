/**
 * Calibration against Japan: every target of the model guide's section 11
 * (the `japan-2024` facts and the plausibility checks), each with its source,
 * the scenario it is measured on and a pass rule on the median over seeds.
 * `runCalibration` runs every scenario a target needs once per seed (runs are
 * shared between targets), and `calibrationMarkdown` writes the table that
 * docs/model.md and docs/model.ja.md show in section 16 (regenerated with
 * `npm run calibrate -- --write`; a test keeps them in step). A miss is
 * reported, never hidden.
 *
 * Pure TypeScript, no Node imports: the app may import it too.
 */
import { quantileSorted, type RunOutput } from './batch.ts';
import { isSmallTier } from './model.ts';
import type { Scenario, Shock } from './params.ts';
import { presetScenario } from './presets.ts';
import { mergeDeep, validateScenario } from './schema.ts';
import {
  ECONOMY,
  MODEL_VERSION,
  SERIES,
  SURVEY_WEIGHTS,
  periodLabels,
  simulate,
  type EconomyKey,
  type SeriesKey,
  type SimResult,
} from './simulate.ts';

export type CalibrationLang = 'en' | 'ja';
type Text = Record<CalibrationLang, string>;

/** What a measure reads of a run: a full result has it, and so has a pool's full output (unpackRun). */
export type CalibrationResult = Pick<
  SimResult,
  'scenario' | 'tiers' | 'quarters' | 'periods' | 'series' | 'economy' | 'summary'
>;

/** A scenario a target is measured on: a preset, a patch over it, extra shocks and the years. */
export interface CalibrationScenario {
  preset: string;
  years: number;
  /** Merged over the preset (objects merged, arrays replaced). */
  patch?: Record<string, unknown>;
  /** Added to the preset's shocks. */
  extraShocks?: Shock[];
}

/**
 * How a value is shown: `share` as a percent with one decimal; `growth` as
 * percent a year; `points` a difference of shares in percentage points;
 * `pointsYear` a difference of growth rates in points a year; `change` a
 * relative change in percent; `ratio` a plain ratio; `yen10k` an amount in
 * ¥10k a year.
 */
export type CalibrationUnit =
  'share' | 'growth' | 'points' | 'pointsYear' | 'change' | 'ratio' | 'yen10k';

export interface CalibrationTarget {
  id: string;
  /** What is measured. */
  label: Text;
  /** The target value or range, as text. */
  target: Text;
  source: Text;
  /** The scenarios, run with the same seed; `measure` gets their results in this order. */
  runs: CalibrationScenario[];
  /** The target's statistic of one seed's runs. */
  measure: (...r: CalibrationResult[]) => number;
  unit: CalibrationUnit;
  /** Whether the median over seeds meets the target. */
  pass: (median: number) => boolean;
}

export interface CalibrationRow {
  id: string;
  target: CalibrationTarget;
  /** The measure of each seed, in the order of the seeds (NaN where undefined). */
  values: number[];
  p10: number;
  median: number;
  p90: number;
  /** Seeds whose value is undefined (NaN or infinite); any makes the target a miss. */
  undefinedSeeds: number;
  pass: boolean;
}

/* ------------------------------------------------------------ measures */

/** Position of a period label ('2024Q3') in a run, -1 if the run does not cover it. */
function periodIndex(r: CalibrationResult, label: string): number {
  return r.periods.indexOf(label);
}

/** A value of an array at a period label, NaN if the run does not cover it. */
function at(r: CalibrationResult, a: Float64Array, label: string): number {
  const t = periodIndex(r, label);
  return t < 0 ? NaN : a[t];
}

/** Mean of a[from..to) over its defined values; NaN if none. */
function meanOver(a: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let t = Math.max(0, from); t < Math.min(a.length, to); t++) {
    if (a[t] === a[t]) {
      s += a[t];
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);

/** The small tiers (tier 2 and deeper) of a run. */
function smallTiers(r: CalibrationResult): number[] {
  const out: number[] = [];
  for (let k = 0; k < r.tiers; k++) if (k > 0 && isSmallTier(k, r.tiers)) out.push(k);
  return out;
}

/**
 * The survey's mix of a per-tier series at quarter t: tiers 1 / 2 / 3+
 * weighted 0.75 / 0.15 / 0.10 (the deeper tiers share the last weight),
 * undefined tiers skipped and the weights renormalised, as
 * economy.passThroughSurvey.
 */
export function surveyMixAt(series: readonly Float64Array[], t: number): number {
  const tiers = series.length;
  let s = 0;
  let w = 0;
  for (let k = 1; k < tiers; k++) {
    const v = series[k][t];
    if (v !== v) continue;
    const wk = k >= 3 ? SURVEY_WEIGHTS[2] / Math.max(1, tiers - 3) : SURVEY_WEIGHTS[k - 1];
    s += wk * v;
    w += wk;
  }
  return w > 0 ? s / w : NaN;
}

const surveyItem = (key: SeriesKey, label: string) => (r: CalibrationResult) => {
  const t = periodIndex(r, label);
  return t < 0 ? NaN : surveyMixAt(r.series[key], t);
};

/** Tier 0's yearly wage growth minus the deepest tier's. */
const wageGrowthGap = (r: CalibrationResult) =>
  r.summary.wageGrowth[0] - r.summary.wageGrowth[r.tiers - 1];

/** Growth of the mean wage of tier k between two period labels. */
function wageRise(r: CalibrationResult, k: number, from: string, to: string): number {
  return at(r, r.series.wage[k], to) / at(r, r.series.wage[k], from) - 1;
}

const last = (a: Float64Array) => a[a.length - 1];

/** Fewest firms alive at the end relative to the starting firms, over the tiers. */
function tiersKept(r: CalibrationResult): number {
  let min = Infinity;
  for (let k = 0; k < r.tiers; k++) {
    min = Math.min(min, last(r.series.firms[k]) / r.scenario.network.firmsPerTier[k]);
  }
  return min;
}

/** Highest unemployment rate in the last `years` years. */
function unemploymentMax(r: CalibrationResult, years: number): number {
  const u = r.economy.unemployment;
  let max = -Infinity;
  for (let t = Math.max(0, u.length - 4 * years); t < u.length; t++) {
    if (!(u[t] === u[t])) return NaN;
    max = Math.max(max, u[t]);
  }
  return max;
}

/* -------------------------------------------------------------- rules */

/** Bounds are inclusive; EPS keeps a value on a bound (0.519 for 46.9% ± 5) from missing by rounding. */
const EPS = 1e-12;
const within = (centre: number, dist: number) => (m: number) => Math.abs(m - centre) <= dist + EPS;
const between = (lo: number, hi: number) => (m: number) => m >= lo - EPS && m <= hi + EPS;
const atMost = (x: number) => (m: number) => m <= x + EPS;
const atLeast = (x: number) => (m: number) => m >= x - EPS;
const below = (x: number) => (m: number) => m < x;
const above = (x: number) => (m: number) => m > x;

/* ------------------------------------------------------------ targets */

const J24: CalibrationScenario = { preset: 'japan-2024', years: 20 };
const J00: CalibrationScenario = { preset: 'japan-2000s', years: 20 };
const LFL: CalibrationScenario = { preset: 'large-firm-led', years: 20 };
const LAY: CalibrationScenario = { preset: 'layered', years: 20 };
const j24 = (patch: Record<string, unknown>): CalibrationScenario => ({ ...J24, patch });

const SRC = {
  survey: {
    en: 'SME Agency, follow-up surveys of the price-negotiation months, Sep 2022 - Sep 2025',
    ja: '中小企業庁「価格交渉促進月間フォローアップ調査」（2022年9月～2025年9月）',
  },
  dependency: {
    en: 'SME White Paper 2016: about 60% of subcontractors sell more than 30% to their largest customer (2014)',
    ja: '2016年版中小企業白書：下請企業の約6割が売上の3割超を最大の取引先に依存（2014年）',
  },
  laborTop: {
    en: 'MOF corporate statistics, large firms FY2023, via SME White Paper 2025',
    ja: '財務省「法人企業統計調査」大企業、2023年度（2025年版中小企業白書より）',
  },
  laborSmall: {
    en: 'MOF corporate statistics FY2023 via SME White Paper 2025: medium firms 76.9%, small firms 80.0%',
    ja: '財務省「法人企業統計調査」2023年度（2025年版中小企業白書より）：中規模企業76.9%、小規模企業80.0%',
  },
  wageLevels: {
    en: 'Basic Survey on Wage Structure 2024: ¥299.3k (10-99 employees) / ¥364.5k (1,000+) = 0.82',
    ja: '令和6年賃金構造基本統計調査：29.93万円（10～99人）／36.45万円（1,000人以上）＝0.82',
  },
  wageRound: {
    en: 'Spring wage settlements 2024: 5.10% all, 4.45% SMEs (SME White Paper 2025)',
    ja: '2024年の春季賃上げ：全体5.10%、中小企業4.45%（2025年版中小企業白書）',
  },
  minimumWage: {
    en: 'MHLW: ¥1,055 an hour from October 2024 (240 in ¥10k a year of labour cost)',
    ja: '厚生労働省：2024年10月から時給1,055円（年間の人件費で240万円）',
  },
  unmet: {
    en: 'Model guide, sections 5 and 11',
    ja: '設計ガイド第5節・第11節',
  },
  plausibility: {
    en: 'Model guide, section 11 (plausibility)',
    ja: '設計ガイド第11節（妥当性）',
  },
  regimes: {
    en: 'Model guide, section 11: a gap of roughly 0.3-1.2 points a year (1.6-2 points for 20 years is not plausible)',
    ja: '設計ガイド第11節：年0.3～1.2ポイント程度（20年間1.6～2ポイントの差は現実的でない）',
  },
  deflation: {
    en: "Model guide, section 11: the source paper's years, deep-tier wages stagnate while tier 0's margin rises",
    ja: '設計ガイド第11節：原論文が対象とした時期。深い階層の賃金が停滞し、第0階層の利益率が上がる',
  },
  tradeOffs: {
    en: 'Model guide, section 11 (trade-offs)',
    ja: '設計ガイド第11節（トレードオフ）',
  },
  cliffs: {
    en: 'Model guide, section 11 (no cliffs: under 20 points per step)',
    ja: '設計ガイド第11節（急変しないこと：1段階あたり20ポイント未満）',
  },
  productivity: {
    en: 'Model guide, section 11: investment of about 15-20% of value added (large manufacturers) with 1-2% productivity growth a year',
    ja: '設計ガイド第11節：付加価値の約15～20%の投資（大手製造業）と年1～2%の生産性上昇',
  },
} satisfies Record<string, Text>;

const PT_ROUNDS: [period: string, value: number, en: string, ja: string][] = [
  ['2022Q3', 0.469, 'Sep 2022', '2022年9月'],
  ['2024Q3', 0.497, 'Sep 2024', '2024年9月'],
  ['2025Q1', 0.524, 'Mar 2025', '2025年3月'],
  ['2025Q3', 0.535, 'Sep 2025', '2025年9月'],
];

const PT_ITEMS: [id: string, key: SeriesKey, value: number, en: string, ja: string][] = [
  ['materials', 'passThroughMaterials', 0.55, 'materials', '原材料費'],
  ['labour', 'passThroughLabour', 0.5, 'labour', '労務費'],
  ['energy', 'passThroughEnergy', 0.489, 'energy', 'エネルギー費'],
];

const REGIME_PRESETS = ['large-firm-led', 'layered', 'japan-2024', 'japan-2000s'] as const;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function buildTargets(): CalibrationTarget[] {
  const out: CalibrationTarget[] = [];

  for (const [period, value, en, ja] of PT_ROUNDS) {
    out.push({
      id: `pass-through-${period.toLowerCase()}`,
      label: {
        en: `\`japan-2024\`: measured pass-through, survey mix, round of ${period} (survey of ${en})`,
        ja: `\`japan-2024\`：価格転嫁率（調査の回答構成で加重）、${period}の交渉（${ja}調査）`,
      },
      target: { en: `${pct(value)} ± 5 points`, ja: `${pct(value)} ± 5ポイント` },
      source: SRC.survey,
      runs: [J24],
      measure: (r) => at(r, r.economy.passThroughSurvey, period),
      unit: 'share',
      pass: within(value, 0.05),
    });
  }

  for (const [id, key, value, en, ja] of PT_ITEMS) {
    out.push({
      id: `pass-through-${id}-2025q3`,
      label: {
        en: `\`japan-2024\`: pass-through of ${en} cost-ups, survey mix, round of 2025Q3`,
        ja: `\`japan-2024\`：${ja}の価格転嫁率（調査の回答構成で加重）、2025Q3の交渉`,
      },
      target: { en: `${pct(value)} ± 6 points`, ja: `${pct(value)} ± 6ポイント` },
      source: SRC.survey,
      runs: [J24],
      measure: surveyItem(key, '2025Q3'),
      unit: 'share',
      pass: within(value, 0.06),
    });
  }

  out.push({
    id: 'dependent-suppliers',
    label: {
      en: '`japan-2024`: suppliers selling more than 30% to their largest customer (tiers 1 and deeper, weighted by firms, first quarter)',
      ja: '`japan-2024`：売上の3割超を最大の取引先に販売するサプライヤーの割合（第1階層以下、企業数で加重、最初の四半期）',
    },
    target: { en: '55-65%', ja: '55～65%' },
    source: SRC.dependency,
    runs: [J24],
    measure: (r) => {
      let s = 0;
      let w = 0;
      for (let k = 1; k < r.tiers; k++) {
        const n = r.scenario.network.firmsPerTier[k];
        s += n * r.series.dependentShare[k][0];
        w += n;
      }
      return w > 0 ? s / w : NaN;
    },
    unit: 'share',
    pass: between(0.55, 0.65),
  });

  out.push({
    id: 'labour-share-tier0',
    label: {
      en: '`japan-2024`: labour share of value added, tier 0, first year',
      ja: '`japan-2024`：労働分配率（付加価値に占める人件費）、第0階層、最初の1年',
    },
    target: { en: '48.2% ± 5 points', ja: '48.2% ± 5ポイント' },
    source: SRC.laborTop,
    runs: [J24],
    measure: (r) => meanOver(r.series.laborShare[0], 0, 4),
    unit: 'share',
    pass: within(0.482, 0.05),
  });

  out.push({
    id: 'labour-share-small',
    label: {
      en: '`japan-2024`: labour share of value added, tiers 2 and deeper (mean of the tiers), first year',
      ja: '`japan-2024`：労働分配率、第2階層以下（階層の平均）、最初の1年',
    },
    target: { en: '72-85%', ja: '72～85%' },
    source: SRC.laborSmall,
    runs: [J24],
    measure: (r) => mean(smallTiers(r).map((k) => meanOver(r.series.laborShare[k], 0, 4))),
    unit: 'share',
    pass: between(0.72, 0.85),
  });

  out.push({
    id: 'wage-ratio-start',
    label: {
      en: "`japan-2024`: mean wage of tiers 2 and deeper (mean of the tiers) / tier 0's, first quarter",
      ja: '`japan-2024`：第2階層以下の平均賃金（階層の平均）／第0階層の平均賃金、最初の四半期',
    },
    target: { en: '0.78-0.87', ja: '0.78～0.87' },
    source: SRC.wageLevels,
    runs: [J24],
    measure: (r) => mean(smallTiers(r).map((k) => r.series.wage[k][0])) / r.series.wage[0][0],
    unit: 'ratio',
    pass: between(0.78, 0.87),
  });

  out.push({
    id: 'wage-round-2024',
    label: {
      en: "`japan-2024`: wage rise 2023Q2 to 2024Q2, tiers 2 and deeper (mean of the tiers) minus tier 0's",
      ja: '`japan-2024`：2023Q2から2024Q2への賃金上昇率、第2階層以下（階層の平均）から第0階層を引いた差',
    },
    target: {
      en: 'below 0 (SMEs rise less than large firms)',
      ja: '0未満（中小企業の上昇率が大企業を下回る）',
    },
    source: SRC.wageRound,
    runs: [J24],
    measure: (r) =>
      mean(smallTiers(r).map((k) => wageRise(r, k, '2023Q2', '2024Q2'))) -
      wageRise(r, 0, '2023Q2', '2024Q2'),
    unit: 'points',
    pass: below(0),
  });

  out.push({
    id: 'minimum-wage-2024q4',
    label: {
      en: '`japan-2024`: minimum labour cost in 2024Q4 (¥10k a year)',
      ja: '`japan-2024`：2024Q4の最低人件費（万円/年）',
    },
    target: { en: '240 ± 1%', ja: '240 ± 1%' },
    source: SRC.minimumWage,
    runs: [J24],
    measure: (r) => at(r, r.economy.minimumWage, '2024Q4'),
    unit: 'yen10k',
    pass: (m) => Math.abs(m / 240 - 1) <= 0.01 + EPS,
  });

  out.push({
    id: 'minimum-wage-2022q1',
    label: {
      en: '`japan-2024`: minimum labour cost in 2022Q1, the first quarter (¥10k a year)',
      ja: '`japan-2024`：最初の四半期2022Q1の最低人件費（万円/年）',
    },
    target: { en: 'below 240', ja: '240未満' },
    source: SRC.minimumWage,
    runs: [J24],
    measure: (r) => at(r, r.economy.minimumWage, '2022Q1'),
    unit: 'yen10k',
    pass: below(240),
  });

  for (const years of [20, 50]) {
    for (const preset of REGIME_PRESETS) {
      out.push({
        id: `unmet-demand-${preset}-${years}y`,
        label: {
          en: `\`${preset}\`, ${years} years: largest share of final demand not met in a quarter`,
          ja: `\`${preset}\`、${years}年：満たされなかった最終需要の割合（最大の四半期）`,
        },
        target: { en: 'at most 3%', ja: '3%以下' },
        source: SRC.unmet,
        runs: [{ preset, years }],
        measure: (r) => r.summary.unmetDemandMax,
        unit: 'share',
        pass: atMost(0.03),
      });
    }
  }

  for (const preset of REGIME_PRESETS) {
    out.push({
      id: `tiers-kept-${preset}`,
      label: {
        en: `\`${preset}\`, 50 years: firms alive at the end / starting firms, the lowest tier`,
        ja: `\`${preset}\`、50年：期末の企業数／当初の企業数（最も低い階層）`,
      },
      target: { en: 'at least 50%', ja: '50%以上' },
      source: SRC.plausibility,
      runs: [{ preset, years: 50 }],
      measure: tiersKept,
      unit: 'share',
      pass: atLeast(0.5),
    });
  }

  for (const preset of REGIME_PRESETS) {
    out.push({
      id: `unemployment-${preset}`,
      label: {
        en: `\`${preset}\`, 50 years: highest unemployment rate in a quarter of the last 10 years`,
        ja: `\`${preset}\`、50年：最後の10年間で最も高い四半期の失業率`,
      },
      target: { en: 'below 10%', ja: '10%未満' },
      source: SRC.plausibility,
      runs: [{ preset, years: 50 }],
      measure: (r) => unemploymentMax(r, 10),
      unit: 'share',
      pass: below(0.1),
    });
  }

  out.push({
    id: 'japan-2000s-wage-gap',
    label: {
      en: "`japan-2000s`: wage growth, tier 0's minus the deepest tier's",
      ja: '`japan-2000s`：賃金上昇率、第0階層から最も深い階層を引いた差',
    },
    target: { en: 'at least 0.3 points a year', ja: '年0.3ポイント以上' },
    source: SRC.deflation,
    runs: [J00],
    measure: wageGrowthGap,
    unit: 'pointsYear',
    pass: atLeast(0.003),
  });

  out.push({
    id: 'japan-2000s-margin-rise',
    label: {
      en: "`japan-2000s`: tier 0's operating margin, last year minus first year",
      ja: '`japan-2000s`：第0階層の営業利益率、最後の1年から最初の1年を引いた差',
    },
    target: { en: 'above 0 (it rises)', ja: '0超（上がる）' },
    source: SRC.deflation,
    runs: [J00],
    measure: (r) => {
      const m = r.series.profitMargin[0];
      return meanOver(m, m.length - 4, m.length) - meanOver(m, 0, 4);
    },
    unit: 'points',
    pass: above(0),
  });

  const noInflation = {
    costs: { inflation: 0, energyPriceGrowth: 0, materialsPriceGrowth: 0 },
    labor: { minimumWageGrowth: 0 },
  };
  out.push({
    id: 'zero-inflation-contrast',
    label: {
      en: "No inflation (`large-firm-led` and `layered` with no price or minimum-wage growth): `layered`'s wage-growth gap (tier 0 minus deepest) minus two thirds of `large-firm-led`'s",
      ja: 'インフレなし（物価・最低賃金の上昇なしの `large-firm-led` と `layered`）：`layered` の賃金上昇率の差（第0階層－最も深い階層）から `large-firm-led` の差の3分の2を引いた値',
    },
    target: {
      en: "at most 0 (`layered`'s gap at most two thirds of `large-firm-led`'s)",
      ja: '0以下（`layered` の差が `large-firm-led` の3分の2以下）',
    },
    source: SRC.deflation,
    runs: [
      { ...LAY, patch: noInflation },
      { ...LFL, patch: noInflation },
    ],
    measure: (lay, lfl) => wageGrowthGap(lay) - (2 / 3) * wageGrowthGap(lfl),
    unit: 'pointsYear',
    pass: atMost(0),
  });

  out.push({
    id: 'large-firm-led-wage-gap',
    label: {
      en: "`large-firm-led`: wage growth, tier 0's minus the deepest tier's",
      ja: '`large-firm-led`：賃金上昇率、第0階層から最も深い階層を引いた差',
    },
    target: { en: '0.3-1.2 points a year', ja: '年0.3～1.2ポイント' },
    source: SRC.regimes,
    runs: [LFL],
    measure: wageGrowthGap,
    unit: 'pointsYear',
    pass: between(0.003, 0.012),
  });

  out.push({
    id: 'large-firm-led-early-margin',
    label: {
      en: "Tier 0's operating margin over the first 5 years, `large-firm-led` minus `layered` (same seed)",
      ja: '最初の5年間の第0階層の営業利益率、`large-firm-led` から `layered` を引いた差（同じシード）',
    },
    target: { en: 'above 0', ja: '0超' },
    source: {
      en: 'Model guide, section 11: tier 0 earns more under large-firm-led in the first years',
      ja: '設計ガイド第11節：最初の数年は大企業牽引モデルの方が第0階層の利益が大きい',
    },
    runs: [LFL, LAY],
    measure: (lfl, lay) =>
      meanOver(lfl.series.profitMargin[0], 0, 20) - meanOver(lay.series.profitMargin[0], 0, 20),
    unit: 'points',
    pass: above(0),
  });

  const floor1 = j24({ policy: { passThroughFloor: 1 } });
  const floor0 = j24({ policy: { passThroughFloor: 0 } });
  out.push({
    id: 'floor-final-price',
    label: {
      en: '`japan-2024`: final-goods price in the last quarter, pass-through floor 1 against 0',
      ja: '`japan-2024`：最後の四半期の最終製品価格、転嫁率の下限1と0の比較',
    },
    target: { en: 'higher (above 0%)', ja: '高い（0%超）' },
    source: SRC.tradeOffs,
    runs: [floor1, floor0],
    measure: (a, b) => last(a.economy.finalPrice) / last(b.economy.finalPrice) - 1,
    unit: 'change',
    pass: above(0),
  });
  out.push({
    id: 'floor-real-demand',
    label: {
      en: '`japan-2024`: final demand in the last quarter, pass-through floor 1 against 0',
      ja: '`japan-2024`：最後の四半期の最終需要、転嫁率の下限1と0の比較',
    },
    target: { en: 'lower (below 0%)', ja: '低い（0%未満）' },
    source: SRC.tradeOffs,
    runs: [floor1, floor0],
    measure: (a, b) => last(a.economy.realDemand) / last(b.economy.realDemand) - 1,
    unit: 'change',
    pass: below(0),
  });

  out.push({
    id: 'gain-share-investment',
    label: {
      en: '`japan-2024`: SME investment / value added, gain-share floor 0.5 minus 0',
      ja: '`japan-2024`：中小企業の投資／付加価値、成果配分の下限0.5から0を引いた差',
    },
    target: { en: 'at least +1 point', ja: '+1ポイント以上' },
    source: {
      en: 'Model guide, section 11: gain sharing raises SME investment',
      ja: '設計ガイド第11節：成果配分は中小企業の投資を増やす',
    },
    runs: [j24({ policy: { gainShareFloor: 0.5 } }), j24({ policy: { gainShareFloor: 0 } })],
    measure: (a, b) => a.summary.smeInvestmentRate - b.summary.smeInvestmentRate,
    unit: 'points',
    pass: atLeast(0.01),
  });

  const vo = (s: CalibrationScenario, v: number) => ({
    ...s,
    patch: { market: { valueOrientation: v } },
  });
  out.push({
    id: 'value-orientation',
    label: {
      en: 'Growth of value added at constant prices, `layered` minus `large-firm-led`, at value orientation 0.8 minus at 0.2 (both presets at the same value)',
      ja: '実質付加価値（不変価格）の成長率、`layered` から `large-firm-led` を引いた差の、価値志向0.8での値から0.2での値を引いた差（両プリセットとも同じ値）',
    },
    target: { en: 'above 0', ja: '0超' },
    source: {
      en: 'Model guide, section 11: value orientation favours the layered chain, more so the higher it is',
      ja: '設計ガイド第11節：価値志向は複層化したバリューチェーンに有利に働き、高いほどその差が大きい',
    },
    runs: [vo(LAY, 0.8), vo(LFL, 0.8), vo(LAY, 0.2), vo(LFL, 0.2)],
    measure: (lay8, lfl8, lay2, lfl2) =>
      lay8.summary.realValueAddedGrowth -
      lfl8.summary.realValueAddedGrowth -
      (lay2.summary.realValueAddedGrowth - lfl2.summary.realValueAddedGrowth),
    unit: 'pointsYear',
    pass: above(0),
  });

  out.push({
    id: 'materials-shock',
    label: {
      en: '`japan-2024`: materials +50% at once, change of the share of starting firms surviving (size)',
      ja: '`japan-2024`：原材料価格が一度に50%上昇したときの、当初の企業の存続割合の変化（大きさ）',
    },
    target: { en: 'under 20 points', ja: '20ポイント未満' },
    source: SRC.cliffs,
    runs: [
      { ...J24, extraShocks: [{ variable: 'materials', start: 0, duration: 0, size: 0.5 }] },
      J24,
    ],
    measure: (a, b) => Math.abs(a.summary.firmsSurvivingAll - b.summary.firmsSurvivingAll),
    unit: 'points',
    pass: below(0.2),
  });

  const mwSteps = [0.04, 0.05, 0.06, 0.07, 0.08];
  out.push({
    id: 'minimum-wage-steps',
    label: {
      en: '`japan-2024`: minimum-wage growth 4, 5, 6, 7, 8% a year, largest change of the share of starting firms surviving between neighbouring steps (size)',
      ja: '`japan-2024`：最低賃金の上昇率を年4、5、6、7、8%としたときの、隣り合う段階の間での当初の企業の存続割合の変化の最大値（大きさ）',
    },
    target: { en: 'under 20 points', ja: '20ポイント未満' },
    source: SRC.cliffs,
    runs: mwSteps.map((g) => j24({ labor: { minimumWageGrowth: g } })),
    measure: (...rs) => {
      let max = 0;
      for (let i = 1; i < rs.length; i++) {
        const d = Math.abs(rs[i].summary.firmsSurvivingAll - rs[i - 1].summary.firmsSurvivingAll);
        if (!(d === d)) return NaN;
        max = Math.max(max, d);
      }
      return max;
    },
    unit: 'points',
    pass: below(0.2),
  });

  out.push({
    id: 'tier0-investment-rate',
    label: {
      en: '`japan-2024`: investment / value added, tier 0',
      ja: '`japan-2024`：投資／付加価値、第0階層',
    },
    target: { en: '15-20%', ja: '15～20%' },
    source: SRC.productivity,
    runs: [J24],
    measure: (r) => r.summary.investmentRate[0],
    unit: 'share',
    pass: between(0.15, 0.2),
  });

  out.push({
    id: 'tier0-productivity-growth',
    label: {
      en: '`japan-2024`: productivity growth, tier 0',
      ja: '`japan-2024`：生産性上昇率、第0階層',
    },
    target: { en: '1-2% a year', ja: '年1～2%' },
    source: SRC.productivity,
    runs: [J24],
    measure: (r) => r.summary.productivityGrowth[0],
    unit: 'growth',
    pass: between(0.01, 0.02),
  });

  return out;
}

/** Every calibration target, in the order of the table. */
export const TARGETS: readonly CalibrationTarget[] = buildTargets();

/* ------------------------------------------------------------ running */

/** JSON with the keys of every object sorted: the same scenario spec gives the same text. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x);
}

/** The cache key of a calibration scenario (without the seed). */
export function scenarioKey(s: CalibrationScenario): string {
  return canonical({
    preset: s.preset,
    years: s.years,
    patch: s.patch ?? {},
    extraShocks: s.extraShocks ?? [],
  });
}

/** The full scenario of a calibration scenario and seed, validated (throws if invalid). */
export function buildScenario(s: CalibrationScenario, seed: number): Scenario {
  const base = presetScenario(s.preset);
  const sc = mergeDeep(base, { ...(s.patch ?? {}), years: s.years, seed });
  if (s.extraShocks) sc.shocks = [...sc.shocks, ...s.extraShocks.map((x) => ({ ...x }))];
  const v = validateScenario(sc);
  if (!v.ok) throw new Error(`calibration scenario ${scenarioKey(s)}: ${v.errors.join('; ')}`);
  return v.scenario;
}

export interface CalibrationRun {
  key: string;
  seed: number;
  scenario: Scenario;
}

/** The distinct scenarios the targets need, in first-use order. */
export function calibrationScenarios(
  targets: readonly CalibrationTarget[] = TARGETS,
): CalibrationScenario[] {
  const seen = new Map<string, CalibrationScenario>();
  for (const t of targets)
    for (const s of t.runs) if (!seen.has(scenarioKey(s))) seen.set(scenarioKey(s), s);
  return [...seen.values()];
}

/** Every run the targets need: each distinct scenario once per seed (seed-major order). */
export function calibrationRuns(
  seeds: readonly number[],
  targets: readonly CalibrationTarget[] = TARGETS,
): CalibrationRun[] {
  const specs = calibrationScenarios(targets);
  const out: CalibrationRun[] = [];
  for (const seed of seeds) {
    for (const s of specs)
      out.push({ key: scenarioKey(s), seed, scenario: buildScenario(s, seed) });
  }
  return out;
}

/**
 * A calibration result from a pool's full output (batch.ts, `packResult`): the
 * series and economy arrays unpacked in the order they were packed.
 */
export function unpackRun(o: RunOutput, scenario: Scenario): CalibrationResult {
  if (!o.packed) throw new Error('unpackRun needs a full output (a job with full: true)');
  const T = o.tiers;
  const Q = o.quarters;
  const packed = o.packed;
  let at = 0;
  const take = () => packed.subarray(at, (at += Q));
  const series = {} as Record<SeriesKey, Float64Array[]>;
  for (const k of Object.keys(SERIES) as SeriesKey[]) {
    series[k] = [];
    for (let i = 0; i < T; i++) series[k].push(take());
  }
  const economy = {} as Record<EconomyKey, Float64Array>;
  for (const k of Object.keys(ECONOMY) as EconomyKey[]) economy[k] = take();
  if (at !== packed.length) throw new Error('unpackRun: the packed output has an unexpected size');
  return {
    scenario,
    tiers: T,
    quarters: Q,
    periods: periodLabels(scenario.simulation.startYear, Q),
    series,
    economy,
    summary: o.summary,
  };
}

/** The percentile definition of the batch bands (linear interpolation, type 7) over sorted values. */
export function quantiles(values: readonly number[]): { p10: number; median: number; p90: number } {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return {
    p10: quantileSorted(s, s.length, 0.1),
    median: quantileSorted(s, s.length, 0.5),
    p90: quantileSorted(s, s.length, 0.9),
  };
}

/** A row from a target's per-seed values: quantiles over the defined values, pass on the median. */
export function calibrationRow(target: CalibrationTarget, values: number[]): CalibrationRow {
  const q = quantiles(values);
  const undefinedSeeds = values.filter((v) => !Number.isFinite(v)).length;
  return {
    id: target.id,
    target,
    values,
    ...q,
    undefinedSeeds,
    pass: values.length > 0 && undefinedSeeds === 0 && target.pass(q.median),
  };
}

/** Each target's values for one seed, reading that seed's runs by scenario key. */
function measureSeed(
  targets: readonly CalibrationTarget[],
  get: (key: string) => CalibrationResult,
): number[] {
  return targets.map((t) => {
    const v = t.measure(...t.runs.map((s) => get(scenarioKey(s))));
    return Number.isFinite(v) ? v : NaN;
  });
}

/**
 * Rows from results already run (e.g. by a worker pool): `get(key, seed)`
 * returns the result of the scenario with that key and seed.
 */
export function calibrationRows(
  seeds: readonly number[],
  get: (key: string, seed: number) => CalibrationResult,
  targets: readonly CalibrationTarget[] = TARGETS,
): CalibrationRow[] {
  const perSeed = seeds.map((seed) => measureSeed(targets, (key) => get(key, seed)));
  return targets.map((t, i) =>
    calibrationRow(
      t,
      perSeed.map((v) => v[i]),
    ),
  );
}

/**
 * Runs every scenario the targets need once per seed, in this thread, and
 * returns a row per target. `onProgress(done, total)` is called after each run.
 * A seed's runs are dropped once its values are measured.
 */
export function runCalibration(
  seeds: readonly number[],
  onProgress?: (done: number, total: number) => void,
  targets: readonly CalibrationTarget[] = TARGETS,
): CalibrationRow[] {
  const specs = calibrationScenarios(targets);
  const total = specs.length * seeds.length;
  let done = 0;
  const perSeed: number[][] = [];
  for (const seed of seeds) {
    const results = new Map<string, CalibrationResult>();
    for (const s of specs) {
      results.set(scenarioKey(s), simulate(buildScenario(s, seed)));
      onProgress?.(++done, total);
    }
    perSeed.push(measureSeed(targets, (key) => results.get(key)!));
  }
  return targets.map((t, i) =>
    calibrationRow(
      t,
      perSeed.map((v) => v[i]),
    ),
  );
}

/** The seeds of a calibration of n seeds: 1, 2, ..., n. */
export function calibrationSeeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/* ------------------------------------------------------------ formatting */

const sign = (x: number, s: string) => (x > 0 ? `+${s}` : s);

/** A value in its target's unit, for a table cell. */
export function formatValue(v: number, unit: CalibrationUnit, lang: CalibrationLang): string {
  if (!Number.isFinite(v)) return '—';
  const ja = lang === 'ja';
  switch (unit) {
    case 'share':
      return `${(100 * v).toFixed(1)}%`;
    case 'growth':
      return ja ? `年${(100 * v).toFixed(2)}%` : `${(100 * v).toFixed(2)}%/yr`;
    case 'points': {
      const s = sign(v, (100 * v).toFixed(2));
      return ja ? `${s}ポイント` : `${s} pts`;
    }
    case 'pointsYear': {
      const s = sign(v, (100 * v).toFixed(2));
      return ja ? `年${s}ポイント` : `${s} pts/yr`;
    }
    case 'change':
      return `${sign(v, (100 * v).toFixed(1))}%`;
    case 'ratio':
      return v.toFixed(3);
    case 'yen10k':
      return v.toFixed(1);
  }
}

const HEAD: Record<CalibrationLang, string[]> = {
  en: ['Target', 'Source', 'p10', 'Median', 'p90', 'Result'],
  ja: ['目標', '出典', 'p10', '中央値', 'p90', '結果'],
};

/** The result cell of a row. */
export function resultText(row: CalibrationRow, lang: CalibrationLang): string {
  const mark = row.pass
    ? lang === 'ja'
      ? '✓ 合格'
      : '✓ pass'
    : lang === 'ja'
      ? '✗ 未達'
      : '✗ miss';
  if (row.undefinedSeeds === 0) return mark;
  const n = row.values.length;
  return lang === 'ja'
    ? `${mark}（${n}シード中${row.undefinedSeeds}で値なし）`
    : `${mark} (undefined in ${row.undefinedSeeds} of ${n} seeds)`;
}

/** Text safe in a markdown table cell (no pipes, no line breaks). */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The calibration table in markdown: target, source, p10, median, p90, result. */
export function calibrationMarkdown(
  rows: readonly CalibrationRow[],
  lang: CalibrationLang,
): string {
  const lines = [
    `| ${HEAD[lang].join(' | ')} |`,
    '|---|---|--:|--:|--:|---|',
    ...rows.map((r) => {
      const t = r.target;
      const what =
        lang === 'ja' ? `${t.label.ja}：${t.target.ja}` : `${t.label.en}: ${t.target.en}`;
      const cells = [
        what,
        t.source[lang],
        formatValue(r.p10, t.unit, lang),
        formatValue(r.median, t.unit, lang),
        formatValue(r.p90, t.unit, lang),
        resultText(r, lang),
      ];
      return `| ${cells.map(cell).join(' | ')} |`;
    }),
  ];
  return lines.join('\n') + '\n';
}

/** "N passed, M missed" in words of `lang`. */
export function calibrationCount(rows: readonly CalibrationRow[], lang: CalibrationLang): string {
  const met = rows.filter((r) => r.pass).length;
  const missed = rows.length - met;
  return lang === 'ja'
    ? `${rows.length}目標中 ${met} 合格、${missed} 未達`
    : `${met} passed, ${missed} missed (of ${rows.length} targets)`;
}

export const CALIBRATION_START = '<!-- calibration:start -->';
export const CALIBRATION_END = '<!-- calibration:end -->';

/** The command that writes the docs' tables with n seeds. */
export const calibrateCommand = (n: number) => `npm run calibrate -- --seeds ${n} --write`;

/**
 * What the docs hold between the markers: a line naming the command, the
 * seeds and the model version, the table and the count.
 */
export function calibrationRegion(
  rows: readonly CalibrationRow[],
  lang: CalibrationLang,
  seedCount: number,
  version: string = MODEL_VERSION,
): string {
  const cmd = `\`${calibrateCommand(seedCount)}\``;
  const head =
    lang === 'ja'
      ? `${cmd} が生成（シード 1-${seedCount}、モデルのバージョン ${version}）。p10・中央値・p90 はシード間の分布で、合否は中央値で判定する。未達も隠さずに示す。`
      : `Generated by ${cmd} (seeds 1-${seedCount}, model version ${version}). p10, median and p90 are over the seeds; a target is met when its median is. A miss is reported, not hidden.`;
  const count =
    lang === 'ja'
      ? `**${calibrationCount(rows, 'ja')}。**`
      : `**${calibrationCount(rows, 'en')}.**`;
  return `${head}\n\n${calibrationMarkdown(rows, lang)}\n${count}\n`;
}

/** The seed count of the docs' region (from its command line), or null if it has none. */
export function regionSeedCount(region: string): number | null {
  const m = /npm run calibrate -- --seeds (\d+) --write/.exec(region);
  return m ? Number(m[1]) : null;
}

/** The text between the markers of a document, or null if it lacks them (in order). */
export function extractCalibrationRegion(doc: string): string | null {
  const a = doc.indexOf(CALIBRATION_START);
  const b = doc.indexOf(CALIBRATION_END);
  if (a < 0 || b < a) return null;
  return doc
    .slice(a + CALIBRATION_START.length, b)
    .replace(/^\n+/, '')
    .replace(/\n+$/, '\n');
}

/** The document with the text between its markers replaced by `region`, or null if it lacks them. */
export function replaceCalibrationRegion(doc: string, region: string): string | null {
  const a = doc.indexOf(CALIBRATION_START);
  const b = doc.indexOf(CALIBRATION_END);
  if (a < 0 || b < a) return null;
  const body = region.replace(/^\n+/, '').replace(/\n+$/, '');
  return `${doc.slice(0, a + CALIBRATION_START.length)}\n${body}\n${doc.slice(b)}`;
}
