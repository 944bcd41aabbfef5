/**
 * The guided lessons, as data in one place: each lesson's question, the
 * predictions a student picks from, the two scenarios it runs (a preset and
 * lever overrides), the chart it highlights, the claims it makes about the
 * result (machine-checkable statements over engine results), the
 * explanation and the levers unlocked for "try it yourself". Texts in
 * English and Japanese. Pure: no DOM, no Svelte, so that the same claims are
 * checked against the engine in test/engine/lessons.test.ts.
 */
import {
  PARAM_BY_PATH,
  mergeDeep,
  presetScenario,
  resolveScenario,
  type Scenario,
  type SimResult,
} from '../../engine/index.ts';
import type { ChartId, Lang } from '../../share/urlState.ts';

/** A text in both languages. */
export type Text = Record<Lang, string>;

/* ------------------------------------------------------------------ metrics */

/** How a metric's value is shown. */
export type MetricUnit = 'pctYear' | 'pct' | 'index';

export interface Metric {
  label: Text;
  unit: MetricUnit;
  /** The value of one run; NaN when the run does not define it. */
  value: (r: SimResult) => number;
}

const deepestTier = (r: SimResult) => r.tiers - 1;
const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
const orNaN = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);

/** Mean of the defined values of a series over the quarters whose year is in [from, to]. */
function meanOverYears(r: SimResult, a: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  r.periods.forEach((label, t) => {
    const year = Number(label.slice(0, 4));
    if (year >= from && year <= to && Number.isFinite(a[t])) {
      s += a[t];
      n++;
    }
  });
  return n > 0 ? s / n : NaN;
}

/** Share of the period's external cost-ups that the given tiers absorbed. */
function absorbedShare(r: SimResult, tiers: number[]): number {
  const external = sum(r.economy.externalCostUp);
  if (!(external > 0)) return NaN;
  return tiers.reduce((s, k) => s + sum(r.series.costUpAbsorbed[k]), 0) / external;
}

export const METRICS = {
  deepestWageGrowth: {
    label: { en: 'Wage growth of the deepest tier', ja: '最下層の賃金上昇率' },
    unit: 'pctYear',
    value: (r) => r.summary.deepestWageGrowth,
  },
  makerMargin: {
    label: {
      en: 'Operating margin of the final-goods makers (last year)',
      ja: '完成品メーカーの営業利益率（最終年）',
    },
    unit: 'pct',
    value: (r) => orNaN(r.summary.profitMargin[0]),
  },
  smeInvestmentRate: {
    label: {
      en: 'Investment rate of the small-firm tiers (share of value added)',
      ja: '中小企業層の投資率（付加価値比）',
    },
    unit: 'pct',
    value: (r) => r.summary.smeInvestmentRate,
  },
  deepestProductivityGrowth: {
    label: { en: 'Productivity growth of the deepest tier', ja: '最下層の生産性上昇率' },
    unit: 'pctYear',
    value: (r) => r.summary.productivityGrowth[deepestTier(r)],
  },
  deepestPassThrough: {
    label: {
      en: 'Pass-through of the deepest tier (share of its cost-ups recovered in price)',
      ja: '最下層の価格転嫁率（コスト上昇のうち価格に反映できた割合）',
    },
    unit: 'pct',
    value: (r) => orNaN(r.summary.passThrough[deepestTier(r)]),
  },
  suppliersAbsorbed: {
    label: {
      en: 'Share of all cost-ups absorbed by the suppliers (tiers 1 and deeper)',
      ja: 'コスト上昇のうちサプライヤー（1次以下）が吸収した割合',
    },
    unit: 'pct',
    value: (r) =>
      absorbedShare(
        r,
        Array.from({ length: r.tiers - 1 }, (_, i) => i + 1),
      ),
  },
  makersAbsorbed: {
    label: {
      en: 'Share of all cost-ups absorbed by the final-goods makers (negative: they gained)',
      ja: 'コスト上昇のうち完成品メーカーが吸収した割合（負はむしろ利益を得たこと）',
    },
    unit: 'pct',
    value: (r) => absorbedShare(r, [0]),
  },
  consumerShare: {
    label: {
      en: 'Share of all cost-ups paid by consumers in higher prices',
      ja: 'コスト上昇のうち消費者が価格上昇で負担した割合',
    },
    unit: 'pct',
    value: (r) => orNaN(r.summary.consumerShareOfCostUps),
  },
  finalPrice: {
    label: {
      en: 'Final-goods price at the end (start = 1)',
      ja: '最終年の完成品価格（開始時 = 1）',
    },
    unit: 'index',
    value: (r) => r.economy.finalPrice[r.economy.finalPrice.length - 1],
  },
  deepestDependence: {
    label: {
      en: 'Deepest-tier suppliers selling over 30% to one customer',
      ja: '最下層で1社への販売が3割を超える企業の割合',
    },
    unit: 'pct',
    value: (r) => meanOverYears(r, r.series.dependentShare[deepestTier(r)], 0, 9999),
  },
  deepestAsked: {
    label: {
      en: 'Deepest-tier suppliers with a cost-up that asked for a price revision',
      ja: '最下層でコストが上がった企業のうち価格改定を申し出た割合',
    },
    unit: 'pct',
    value: (r) => meanOverYears(r, r.series.negotiationsAsked[deepestTier(r)], 0, 9999),
  },
  passThroughBefore: {
    label: {
      en: 'Pass-through (survey basis), 2022–2023, before the guideline',
      ja: '価格転嫁率（調査ベース）、指針前の2022〜2023年',
    },
    unit: 'pct',
    value: (r) => meanOverYears(r, r.economy.passThroughSurvey, 2022, 2023),
  },
  passThroughAfter: {
    label: {
      en: 'Pass-through (survey basis), 2026 and later, under the act',
      ja: '価格転嫁率（調査ベース）、取適法施行後の2026年以降',
    },
    unit: 'pct',
    value: (r) => meanOverYears(r, r.economy.passThroughSurvey, 2026, 9999),
  },
} satisfies Record<string, Metric>;

export type MetricId = keyof typeof METRICS;

/* ------------------------------------------------------------------ claims */

export type Side = 'A' | 'B';

/**
 * A statement about the two runs: `left` is above (`>`) or below (`<`)
 * `right` by at least `margin`, or (`≈`) within `margin` of it. Each side is
 * a metric of scenario A or B.
 */
export interface Claim {
  left: { side: Side; metric: MetricId };
  op: '<' | '>' | '≈';
  right: { side: Side; metric: MetricId } | { value: number };
  margin: number;
  /** The claim in words, as the lesson states it. */
  text: Text;
}

export interface ClaimCheck {
  holds: boolean;
  left: number;
  right: number;
}

export type Runs = Record<Side, SimResult>;

/** The values a claim compares, from a pair of runs, and whether it holds. */
export function checkClaim(claim: Claim, runs: Runs): ClaimCheck {
  const left = METRICS[claim.left.metric].value(runs[claim.left.side]);
  const right =
    'value' in claim.right
      ? claim.right.value
      : METRICS[claim.right.metric].value(runs[claim.right.side]);
  return { holds: holds(claim, left, right), left, right };
}

/** Whether `left op right` holds with the claim's margin (never for an undefined value). */
export function holds(claim: Pick<Claim, 'op' | 'margin'>, left: number, right: number): boolean {
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  if (claim.op === '<') return left + claim.margin <= right;
  if (claim.op === '>') return left - claim.margin >= right;
  return Math.abs(left - right) <= claim.margin;
}

/* ------------------------------------------------------------------ lessons */

export interface Prediction {
  text: Text;
  /** Whether the model bears this prediction out. */
  right: boolean;
}

export interface LessonScenario {
  preset: string;
  /** Lever overrides over the preset (nested like a preset's patch). */
  patch: Record<string, unknown>;
  /** What this scenario stands for in the lesson. */
  name: Text;
}

export interface Lesson {
  id: string;
  title: Text;
  /** The setting, in one or two sentences. */
  intro: Text;
  question: Text;
  predictions: Prediction[];
  scenarios: Record<Side, LessonScenario>;
  /** The chart that shows the answer. */
  chart: ChartId;
  claims: Claim[];
  explanation: Text;
  /** Parameter paths a student should try next. */
  levers: string[];
  /** Questions for the printable worksheet (after the main question). */
  worksheet: Text[];
}

/** An energy and materials price surge in the second year. */
const SURGE = [
  { variable: 'energy', start: 1, duration: 1, size: 0.5 },
  { variable: 'materials', start: 1, duration: 1, size: 0.3 },
];

export const LESSONS: readonly Lesson[] = [
  {
    id: 'cost-shock',
    title: {
      en: 'Who bears a cost shock in a captive pyramid?',
      ja: '系列ピラミッドでは、コストショックを誰が負担するのか',
    },
    intro: {
      en: 'Energy prices jump by 50% and materials by 30% in the second year. A is the large-firm-led pyramid (each supplier sells almost only to one parent); B is the layered value chain (several customers, fair sharing). Ten years are simulated.',
      ja: '2年目にエネルギー価格が50%、原材料価格が30%上昇します。Aは大企業牽引型のピラミッド（各サプライヤーがほぼ1社の親事業者にだけ納める）、Bは複層化したバリューチェーン（複数の取引先と公正な分担）。10年間をシミュレーションします。',
    },
    question: {
      en: 'In the pyramid (A), which part of the chain absorbs the cost increases that are not passed on to consumers?',
      ja: 'ピラミッド（A）では、消費者に転嫁されなかったコスト上昇を、サプライチェーンのどこが吸収するでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'The final-goods makers: they are the largest firms and can afford it.',
          ja: '完成品メーカー。最も大きな企業なので負担する余力がある。',
        },
        right: false,
      },
      {
        text: {
          en: 'The suppliers, while the makers absorb little.',
          ja: 'サプライヤー。完成品メーカーの吸収はわずか。',
        },
        right: true,
      },
      {
        text: {
          en: 'Makers and suppliers alike, each in proportion to its size.',
          ja: '完成品メーカーとサプライヤーが、規模に応じて同じように分け合う。',
        },
        right: false,
      },
    ],
    scenarios: {
      A: {
        preset: 'large-firm-led',
        patch: { years: 10, shocks: SURGE },
        name: { en: 'Pyramid, price surge', ja: 'ピラミッド・価格高騰' },
      },
      B: {
        preset: 'layered',
        patch: { years: 10, shocks: SURGE },
        name: { en: 'Layered chain, price surge', ja: '複層型・価格高騰' },
      },
    },
    chart: 'burden',
    claims: [
      {
        left: { side: 'A', metric: 'makersAbsorbed' },
        op: '<',
        right: { side: 'A', metric: 'suppliersAbsorbed' },
        margin: 0.1,
        text: {
          en: 'In the pyramid the final-goods makers absorb far less of the cost-ups than their suppliers do.',
          ja: 'ピラミッドでは、完成品メーカーが吸収するコスト上昇はサプライヤーよりはるかに少ない。',
        },
      },
      {
        left: { side: 'A', metric: 'suppliersAbsorbed' },
        op: '>',
        right: { side: 'B', metric: 'suppliersAbsorbed' },
        margin: 0.05,
        text: {
          en: 'The suppliers absorb a larger share of the cost-ups in the pyramid than in the layered chain.',
          ja: 'サプライヤーが吸収するコスト上昇の割合は、複層型よりピラミッドのほうが大きい。',
        },
      },
      {
        left: { side: 'A', metric: 'deepestPassThrough' },
        op: '<',
        right: { side: 'B', metric: 'deepestPassThrough' },
        margin: 0.1,
        text: {
          en: 'The deepest tier recovers a smaller share of its cost-ups in price in the pyramid.',
          ja: '最下層がコスト上昇を価格に反映できる割合は、ピラミッドのほうが小さい。',
        },
      },
    ],
    explanation: {
      en: 'A captive supplier has little bargaining power: its power falls with its dependence on its one customer. It asks less often, buyers without a partnership declaration answer fewer requests and pass on only part of what they settle, and the yearly cost-down is cut from its price whatever happened to its costs. So the surge stops in the supplier tiers. The makers’ final prices are partly set by the market and rise with the general price level, while their purchase prices are held down: they pass on most of what they pay, and absorb mainly the premium on parts they must buy elsewhere when a squeezed supplier cannot deliver. In the layered chain suppliers sell to several customers and outside the chains, so they have power and pass on more.',
      ja: '取引先が1社に限られるサプライヤーは交渉力が弱く、その交渉力は取引先への依存度が高いほど下がります。価格改定を申し出る頻度は低く、パートナーシップ構築宣言をしていない親事業者は申し出に応じることが少なく、決着しても一部しか転嫁されません。さらに毎年のコストダウン要請が、コストの動きに関係なく価格から差し引かれます。そのため高騰分はサプライヤー層で止まります。完成品メーカーの最終価格は一部が市場で決まり、一般物価とともに上がる一方、調達価格は抑えられるため、負担の大半を転嫁できます。吸収するのは主に、圧迫されたサプライヤーが納入できないときに他から買う部品の割高分です。複層型ではサプライヤーが複数の取引先やチェーン外にも販売するため交渉力があり、より多く転嫁できます。',
    },
    levers: ['network.customersPerSupplier', 'policy.laborCostAcceptance', 'policy.costDown'],
    worksheet: [
      {
        en: 'In the chart, which tiers absorb the most in A? In B?',
        ja: 'グラフで、Aで最も多く吸収している層はどこですか。Bではどうですか。',
      },
      {
        en: 'Why does a final-goods maker absorb so little of a cost shock?',
        ja: '完成品メーカーがコストショックをほとんど吸収しないのはなぜですか。',
      },
    ],
  },
  {
    id: 'cost-down',
    title: {
      en: 'Why do yearly cost-downs stop deep-tier wages?',
      ja: '毎年のコストダウン要請は、なぜ下層の賃金を止めるのか',
    },
    intro: {
      en: 'Both scenarios are the large-firm-led pyramid. In A the buyers ask for a 3% price cut every year, as in the preset; in B they ask for none. Everything else is the same.',
      ja: 'どちらも大企業牽引型のピラミッドです。Aでは、プリセットどおり親事業者が毎年3%の値下げを求めます。Bでは値下げを求めません。それ以外の条件は同じです。',
    },
    question: {
      en: 'How do the deepest tier’s wages grow under the 3% yearly cost-down (A), compared with none (B)?',
      ja: '毎年3%のコストダウン（A）のもとで、最下層の賃金は、コストダウンなし（B）と比べてどう伸びるでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'Faster: cheaper parts mean cheaper goods, more sales and more work.',
          ja: '速く伸びる。部品が安くなれば製品も安くなり、売上と仕事が増える。',
        },
        right: false,
      },
      {
        text: {
          en: 'About the same: wages follow inflation and the minimum wage anyway.',
          ja: 'ほぼ同じ。賃金はいずれにせよ物価と最低賃金に連動する。',
        },
        right: false,
      },
      {
        text: {
          en: 'More slowly, while the makers’ margins are higher.',
          ja: '伸びが鈍る。その一方で完成品メーカーの利益率は高くなる。',
        },
        right: true,
      },
    ],
    scenarios: {
      A: {
        preset: 'large-firm-led',
        patch: {},
        name: { en: 'Pyramid, 3% cost-down', ja: 'ピラミッド・3%コストダウン' },
      },
      B: {
        preset: 'large-firm-led',
        patch: { policy: { costDown: 0 } },
        name: { en: 'Pyramid, no cost-down', ja: 'ピラミッド・コストダウンなし' },
      },
    },
    chart: 'wage',
    claims: [
      {
        left: { side: 'A', metric: 'deepestWageGrowth' },
        op: '<',
        right: { side: 'B', metric: 'deepestWageGrowth' },
        margin: 0.002,
        text: {
          en: 'The deepest tier’s wages grow more slowly under the yearly cost-down.',
          ja: '毎年のコストダウンのもとでは、最下層の賃金の伸びが鈍い。',
        },
      },
      {
        left: { side: 'A', metric: 'makerMargin' },
        op: '>',
        right: { side: 'B', metric: 'makerMargin' },
        margin: 0.005,
        text: {
          en: 'The final-goods makers’ operating margin is higher under the cost-down.',
          ja: 'コストダウンのもとでは、完成品メーカーの営業利益率が高い。',
        },
      },
    ],
    explanation: {
      en: 'The cost-down is cut from the supplier’s price at every round, compounding, whatever happened to its costs, and a captive supplier with little power bears almost all of it. Its margin is squeezed; at the April wage round a raise may not push the margin below the affordability floor, so the raise is cut back. A squeezed buyer presses its own suppliers harder, so the squeeze travels down the chain. Final prices are partly set by the market and follow the general price level, so the makers keep much of the cheaper parts as margin rather than passing it on in lower prices.',
      ja: 'コストダウンは交渉のたびにサプライヤーの価格から差し引かれ、コストの動きに関係なく複利的に積み重なります。交渉力の弱い専属サプライヤーはそのほぼ全部を負担し、利益率が圧迫されます。4月の賃金改定では、引き上げによって利益率が支払能力の下限を割ることは許されないため、賃上げは削られます。圧迫された親事業者はさらに自社の下請に強く値下げを求め、圧迫は下の階層へと伝わります。最終価格は一部が市場で決まり一般物価に連動するため、安くなった部品代の多くは値下げに回らず、完成品メーカーの利益になります。',
    },
    levers: ['policy.costDown', 'policy.gainShareFloor', 'policy.belowCostBan'],
    worksheet: [
      {
        en: 'How large is the wage gap between tier 0 and the deepest tier at the end, in A and in B?',
        ja: '最終年における完成品メーカーと最下層の賃金格差は、AとBでそれぞれどれだけですか。',
      },
      {
        en: 'Where does the money saved by the cost-downs end up?',
        ja: 'コストダウンで浮いたお金は、最終的にどこに行きますか。',
      },
    ],
  },
  {
    id: 'gain-sharing',
    title: {
      en: 'Gain sharing and the incentive to invest',
      ja: '成果の分配と投資のインセンティブ',
    },
    intro: {
      en: 'Both scenarios are the large-firm-led pyramid. In A there are no gain-sharing contracts: a buyer takes the savings of a supplier’s investment at the next cost-down or re-quote. In B a contract lets the supplier keep half of its productivity savings.',
      ja: 'どちらも大企業牽引型のピラミッドです。Aには成果配分の契約がなく、サプライヤーが投資で生んだコスト削減分は、次のコストダウン要請や見積り直しで親事業者に取られます。Bでは契約により、生産性向上による削減分の半分をサプライヤーが受け取れます。',
    },
    question: {
      en: 'What happens to the small suppliers’ investment when they keep half of their savings (B)?',
      ja: '削減分の半分を手元に残せる場合（B）、中小サプライヤーの投資はどうなるでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'It rises, and so do their productivity and wages.',
          ja: '増える。生産性と賃金も上がる。',
        },
        right: true,
      },
      {
        text: {
          en: 'Nothing changes: investment depends on cash, not on who keeps the savings.',
          ja: '変わらない。投資は手元資金次第で、削減分を誰が得るかは関係ない。',
        },
        right: false,
      },
      {
        text: {
          en: 'It falls: the buyers cut less, so suppliers feel less pressure to improve.',
          ja: '減る。値下げ要請が緩むので、改善への圧力が弱まる。',
        },
        right: false,
      },
    ],
    scenarios: {
      A: {
        preset: 'large-firm-led',
        patch: {},
        name: { en: 'Pyramid, no gain sharing', ja: 'ピラミッド・成果配分なし' },
      },
      B: {
        preset: 'large-firm-led',
        patch: { policy: { gainShareFloor: 0.5 } },
        name: { en: 'Pyramid, 50/50 gain sharing', ja: 'ピラミッド・成果を折半' },
      },
    },
    chart: 'investment',
    claims: [
      {
        left: { side: 'B', metric: 'smeInvestmentRate' },
        op: '>',
        right: { side: 'A', metric: 'smeInvestmentRate' },
        margin: 0.01,
        text: {
          en: 'The small-firm tiers invest a larger share of their value added with gain sharing.',
          ja: '成果配分があると、中小企業層は付加価値のより大きな割合を投資する。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestProductivityGrowth' },
        op: '>',
        right: { side: 'A', metric: 'deepestProductivityGrowth' },
        margin: 0.0005,
        text: {
          en: 'The deepest tier’s productivity grows faster with gain sharing.',
          ja: '成果配分があると、最下層の生産性の伸びが高い。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestWageGrowth' },
        op: '>',
        right: { side: 'A', metric: 'deepestWageGrowth' },
        margin: 0.0005,
        text: {
          en: 'The deepest tier’s wages grow faster with gain sharing.',
          ja: '成果配分があると、最下層の賃金の伸びが高い。',
        },
      },
    ],
    explanation: {
      en: 'This is the hold-up problem. A firm invests as much as the return it expects to keep justifies. Without a contract, a captive supplier keeps its savings only until the next cost-down or re-quote claims them, so the investment hardly pays. With gain sharing the yearly cut is capped at the buyer’s share of what the supplier saved, so the supplier keeps half for good: it invests more, its productivity rises faster, and wage rounds pass part of that productivity growth to its workers.',
      ja: 'これはホールドアップ問題です。企業は、手元に残ると見込める収益に見合う分だけ投資します。契約がなければ、専属サプライヤーの削減分は次のコストダウンや見積り直しで取られるまでしか残らず、投資はほとんど報われません。成果配分があると、毎年の値下げは削減分のうち親事業者の取り分までに抑えられ、サプライヤーは半分を確実に残せます。そのため投資が増え、生産性の伸びが高まり、賃金改定を通じてその一部が従業員に還元されます。',
    },
    levers: ['policy.gainShareFloor', 'policy.buyerSupport', 'policy.subsidy'],
    worksheet: [
      {
        en: 'What is the "hold-up problem" in your own words?',
        ja: '「ホールドアップ問題」を自分の言葉で説明してください。',
      },
      {
        en: 'Which other lever raises the small firms’ investment? Try it and note the rate.',
        ja: '中小企業の投資を増やすレバーは他に何がありますか。試して投資率を記録してください。',
      },
    ],
  },
  {
    id: 'pass-through',
    title: {
      en: 'What does a pass-through rule cost, and whom does it help?',
      ja: '価格転嫁のルールは誰の負担で、誰を助けるのか',
    },
    intro: {
      en: 'Both scenarios are Japan from 2022 with the energy and materials surge. In A settled negotiations follow no rule; in B a rule says that a settled negotiation passes on the whole cost increase (pass-through floor 100%).',
      ja: 'どちらも2022年からの日本で、エネルギー・原材料価格の高騰を含みます。Aでは交渉の決着に関するルールがありません。Bでは、決着した交渉ではコスト上昇の全額を転嫁するというルール（転嫁率の下限100%）があります。',
    },
    question: {
      en: 'Under the rule (B), who pays for the suppliers’ higher prices?',
      ja: 'ルールがある場合（B）、サプライヤーの値上げ分は誰が負担するでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'Nobody: the suppliers gain and nobody else loses.',
          ja: '誰も負担しない。サプライヤーが得をし、誰も損をしない。',
        },
        right: false,
      },
      {
        text: {
          en: 'The suppliers themselves, through lost orders.',
          ja: 'サプライヤー自身が、受注減という形で負担する。',
        },
        right: false,
      },
      {
        text: {
          en: 'The final-goods makers’ margins and, through final prices, consumers.',
          ja: '完成品メーカーの利益と、最終価格を通じて消費者が負担する。',
        },
        right: true,
      },
    ],
    scenarios: {
      A: {
        preset: 'japan-2024',
        patch: { policy: { passThroughFloor: 0 } },
        name: { en: 'Japan 2022–, no rule', ja: '日本2022年〜・ルールなし' },
      },
      B: {
        preset: 'japan-2024',
        patch: { policy: { passThroughFloor: 1 } },
        name: { en: 'Japan 2022–, full pass-through rule', ja: '日本2022年〜・全額転嫁ルール' },
      },
    },
    chart: 'burden',
    claims: [
      {
        left: { side: 'B', metric: 'deepestPassThrough' },
        op: '>',
        right: { side: 'A', metric: 'deepestPassThrough' },
        margin: 0.2,
        text: {
          en: 'The deepest tier recovers a much larger share of its cost-ups under the rule.',
          ja: 'ルールのもとでは、最下層がコスト上昇を価格に反映できる割合が大きく高まる。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestWageGrowth' },
        op: '>',
        right: { side: 'A', metric: 'deepestWageGrowth' },
        margin: 0.002,
        text: {
          en: 'The deepest tier’s wages grow faster under the rule.',
          ja: 'ルールのもとでは、最下層の賃金の伸びが高い。',
        },
      },
      {
        left: { side: 'B', metric: 'makerMargin' },
        op: '<',
        right: { side: 'A', metric: 'makerMargin' },
        margin: 0.01,
        text: {
          en: 'The final-goods makers’ operating margin is lower under the rule.',
          ja: 'ルールのもとでは、完成品メーカーの営業利益率が低い。',
        },
      },
      {
        left: { side: 'B', metric: 'consumerShare' },
        op: '>',
        right: { side: 'A', metric: 'consumerShare' },
        margin: 0.02,
        text: {
          en: 'Consumers pay a larger share of the cost-ups in higher prices under the rule.',
          ja: 'ルールのもとでは、消費者が価格上昇で負担するコスト上昇の割合が大きい。',
        },
      },
    ],
    explanation: {
      en: 'The floor applies to negotiations that are settled: the price rise on a link is at least the floor times the supplier’s claim. Each price rise is a cost-up of the buyer, so the cost travels up the chain. The makers pass part of it to consumers through final prices and absorb the rest, because their prices are partly set by the market (the market anchor). So the rule moves the burden from the suppliers to the makers’ margins and to consumers, and the suppliers’ better margins leave room for wage rises. It helps only where suppliers ask and buyers answer: a request never made is not settled.',
      ja: '下限は決着した交渉に適用され、取引ごとの値上げ幅はサプライヤーの要求額に下限を掛けた額以上になります。値上げはそれぞれ発注側のコスト上昇となり、コストはチェーンを上っていきます。完成品メーカーは、価格の一部が市場で決まる（市場アンカー）ため、一部を最終価格で消費者に転嫁し、残りを吸収します。つまりルールは負担をサプライヤーから完成品メーカーの利益と消費者へ移し、サプライヤーの利益改善が賃上げの余地を生みます。ただし効果があるのは、サプライヤーが申し出て親事業者が応じた場合だけです。申し出がなければ決着もありません。',
    },
    levers: ['policy.passThroughFloor', 'policy.dutyToRespond', 'market.priceAnchor'],
    worksheet: [
      {
        en: 'How much higher is the final-goods price at the end under the rule?',
        ja: 'ルールのもとで、最終年の完成品価格はどれだけ高くなりますか。',
      },
      {
        en: 'Would you support such a rule? Who would object, and why?',
        ja: 'このようなルールに賛成しますか。誰が反対しそうで、それはなぜですか。',
      },
    ],
  },
  {
    id: 'layered',
    title: {
      en: 'More customers per supplier: the layered chain',
      ja: 'サプライヤー1社当たりの取引先を増やす：複層化したチェーン',
    },
    intro: {
      en: 'Both scenarios have the large-firm-led pyramid’s policies: 3% yearly cost-downs, no gain sharing, labour costs refused. Only the network differs: in A each supplier has about one customer; in B about four, almost half of them in other chains.',
      ja: 'どちらも大企業牽引型ピラミッドの取引慣行（毎年3%のコストダウン、成果配分なし、労務費転嫁は認められない）です。違うのはネットワークだけで、Aでは各サプライヤーの取引先はほぼ1社、Bでは約4社で、その半分近くは他のチェーンの企業です。',
    },
    question: {
      en: 'With the same policies, what happens to the deepest tier’s wages when suppliers have four customers (B)?',
      ja: '取引慣行は同じまま、サプライヤーの取引先が4社になると（B）、最下層の賃金はどうなるでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'Nothing: the same policies give the same wages.',
          ja: '変わらない。取引慣行が同じなら賃金も同じ。',
        },
        right: false,
      },
      {
        text: {
          en: 'They grow faster: suppliers depend less on one buyer and bargain better.',
          ja: '速く伸びる。1社への依存が減り、交渉力が高まる。',
        },
        right: true,
      },
      {
        text: {
          en: 'They grow more slowly: more buyers means more price pressure.',
          ja: '伸びが鈍る。取引先が増えれば値下げ圧力も増える。',
        },
        right: false,
      },
    ],
    scenarios: {
      A: {
        preset: 'large-firm-led',
        patch: {},
        name: { en: 'Pyramid, one customer each', ja: 'ピラミッド・取引先1社' },
      },
      B: {
        preset: 'large-firm-led',
        patch: { network: { customersPerSupplier: 4, crossChain: 0.45 } },
        name: { en: 'Same policies, four customers each', ja: '同じ慣行・取引先4社' },
      },
    },
    chart: 'wage',
    claims: [
      {
        left: { side: 'B', metric: 'deepestDependence' },
        op: '<',
        right: { side: 'A', metric: 'deepestDependence' },
        margin: 0.2,
        text: {
          en: 'Far fewer deepest-tier suppliers depend on one customer for over 30% of their sales.',
          ja: '売上の3割超を1社に依存する最下層サプライヤーが大幅に減る。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestAsked' },
        op: '>',
        right: { side: 'A', metric: 'deepestAsked' },
        margin: 0.1,
        text: {
          en: 'More deepest-tier suppliers dare to ask for a price revision.',
          ja: '価格改定を申し出る最下層サプライヤーが増える。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestWageGrowth' },
        op: '>',
        right: { side: 'A', metric: 'deepestWageGrowth' },
        margin: 0.0005,
        text: {
          en: 'The deepest tier’s wages grow faster, if only a little.',
          ja: '最下層の賃金の伸びが、わずかながら高まる。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestProductivityGrowth' },
        op: '>',
        right: { side: 'A', metric: 'deepestProductivityGrowth' },
        margin: 0.001,
        text: {
          en: 'The deepest tier’s productivity grows clearly faster.',
          ja: '最下層の生産性の伸びがはっきりと高まる。',
        },
      },
    ],
    explanation: {
      en: 'A supplier’s bargaining power rises as its dependence on a customer falls. With several customers it fears less to ask, the cost-down it must accept shrinks (the cut is scaled by one minus its power) and a re-quote leaves it a larger margin. It keeps more of its savings, so it invests more, and more trading partners also spread know-how: productivity grows clearly faster. Wages gain only a little while the buyers’ policies stay those of the pyramid (3% cost-downs, no sharing): much of the gain goes to the final-goods makers, whose margin rises. Compare the cost-down and gain-sharing lessons.',
      ja: 'サプライヤーの交渉力は、取引先への依存度が下がるほど高まります。取引先が複数あれば申し出をためらわず、受け入れざるを得ない値下げ幅は小さくなり（値下げ幅は「1−交渉力」に比例）、見積り直しでもより大きな利益が残ります。削減分を多く残せるので投資が増え、取引先が増えることでノウハウも広がります。生産性の伸びははっきりと高まります。ただし親事業者の取引慣行がピラミッドのまま（3%のコストダウン、成果配分なし）では、賃金の伸びはわずかしか高まらず、成果の多くは完成品メーカーの利益率の上昇になります。コストダウンと成果配分の教材と比べてみてください。',
    },
    levers: ['network.customersPerSupplier', 'network.crossChain', 'network.directSales'],
    worksheet: [
      {
        en: 'What does "dependence" mean in the model, and how is it measured?',
        ja: 'モデルでいう「依存度」とは何で、どう測られますか。',
      },
      {
        en: 'What could help a small supplier find more customers in practice?',
        ja: '実際に中小サプライヤーが取引先を増やすには、何が役立つでしょうか。',
      },
    ],
  },
  {
    id: 'policy-timeline',
    title: {
      en: 'Japan’s policy timeline: negotiation months, the 2023 guideline, the 2026 act',
      ja: '日本の政策の歩み：価格交渉促進月間、2023年の労務費指針、2026年の取適法',
    },
    intro: {
      en: 'Both scenarios are Japan from 2022, with price negotiations in March and September (the price-negotiation months). B adds the real policy timeline: the November 2023 labour-cost pass-through guideline (labour costs accepted more often, more enforcement) and the January 2026 revised act (a duty to respond to requests, 60-day payment, a ban on prices below cost). A has no policy change.',
      ja: 'どちらも2022年からの日本で、価格交渉は3月と9月（価格交渉促進月間）に行われます。Bには実際の政策の歩みを加えます。2023年11月の「労務費の適切な転嫁のための価格交渉に関する指針」（労務費の受け入れ増、執行強化）と、2026年1月施行の改正法（取適法：協議に応じる義務、60日以内の支払、原価割れ価格の禁止）です。Aでは政策は変わりません。',
    },
    question: {
      en: 'When does the pass-through rate reported by suppliers rise with the policies (B)?',
      ja: '政策がある場合（B）、サプライヤーの価格転嫁率はいつ上がるでしょうか。',
    },
    predictions: [
      {
        text: {
          en: 'Never: rules on paper do not change negotiations.',
          ja: '上がらない。紙の上のルールでは交渉は変わらない。',
        },
        right: false,
      },
      {
        text: {
          en: 'From 2022 on, because everyone expects the policies.',
          ja: '2022年から。政策を見越して皆が動くから。',
        },
        right: false,
      },
      {
        text: {
          en: 'Only after the policies take effect, most clearly from 2026.',
          ja: '政策の施行後に限られ、2026年以降にはっきり上がる。',
        },
        right: true,
      },
    ],
    scenarios: {
      A: {
        preset: 'japan-2024',
        patch: { policyEvents: [] },
        name: { en: 'Japan 2022–, no new policy', ja: '日本2022年〜・新たな政策なし' },
      },
      B: {
        preset: 'japan-2024',
        patch: {},
        name: {
          en: 'Japan 2022–, 2023 guideline and 2026 act',
          ja: '日本2022年〜・2023年指針と2026年法',
        },
      },
    },
    chart: 'settled',
    claims: [
      {
        left: { side: 'B', metric: 'passThroughBefore' },
        op: '≈',
        right: { side: 'A', metric: 'passThroughBefore' },
        margin: 0.01,
        text: {
          en: 'Before the guideline (2022–2023) the pass-through rate is the same in both.',
          ja: '指針の前（2022〜2023年）の価格転嫁率は両者で同じ。',
        },
      },
      {
        left: { side: 'B', metric: 'passThroughAfter' },
        op: '>',
        right: { side: 'A', metric: 'passThroughAfter' },
        margin: 0.07,
        text: {
          en: 'From 2026 the pass-through rate is clearly higher with the policies.',
          ja: '2026年以降、政策がある場合の価格転嫁率ははっきり高い。',
        },
      },
      {
        left: { side: 'B', metric: 'deepestAsked' },
        op: '>',
        right: { side: 'A', metric: 'deepestAsked' },
        margin: 0.03,
        text: {
          en: 'More deepest-tier suppliers ask for a price revision.',
          ja: '価格改定を申し出る最下層サプライヤーが増える。',
        },
      },
    ],
    explanation: {
      en: 'Policies act through the negotiation rounds from the quarter they start, so nothing changes before them. The guideline raises how much of a labour-cost claim buyers accept and the enforcement that makes suppliers ask and buyers answer. The act’s duty to respond makes buyers answer requests and makes suppliers more willing to ask; the ban on prices below cost stops cost-downs from pushing prices under the supplier’s cost. Each settled round raises the share of cost-ups recovered, which is what the surveys measure.',
      ja: '政策は開始した四半期から交渉の場を通じて効くため、それ以前には何も変わりません。指針は、親事業者が労務費の要求を受け入れる割合と、サプライヤーが申し出て親事業者が応じるよう促す執行を強めます。改正法の協議に応じる義務は、親事業者に申し出への対応を求め、サプライヤーの申し出もしやすくします。原価割れ価格の禁止は、コストダウンで価格がサプライヤーの原価を下回ることを防ぎます。決着した交渉が増えるほど、調査で測られるコスト上昇の転嫁割合が高まります。',
    },
    levers: ['policy.dutyToRespond', 'policy.laborCostAcceptance', 'policy.enforcement'],
    worksheet: [
      {
        en: 'Which of the three policy steps matters most in the model? Remove one at a time and compare.',
        ja: 'モデルの中で、3つの政策のうちどれが最も効いていますか。1つずつ外して比べてください。',
      },
      {
        en: 'What happens to suppliers that do not dare to ask at all?',
        ja: 'そもそも申し出ることをためらうサプライヤーには、何が起きますか。',
      },
    ],
  },
];

export function findLesson(id: string | null | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The full scenario a lesson runs in A or B (its preset with its overrides), validated. */
export function lessonScenario(lesson: Lesson, side: Side): Scenario {
  const s = lesson.scenarios[side];
  const r = resolveScenario(s.patch, presetScenario(s.preset));
  if (!r.ok) throw new Error(`lesson ${lesson.id} ${side}: ${r.errors.join('; ')}`);
  return r.scenario;
}

/** The lesson's scenario with another seed (for medians over seeds). */
export function withSeed(scenario: Scenario, seed: number): Scenario {
  return mergeDeep(scenario, { seed });
}

/** Whether every lever a lesson unlocks is a parameter of the engine. */
export function unknownLevers(lesson: Lesson): string[] {
  return lesson.levers.filter((p) => !PARAM_BY_PATH.has(p));
}
