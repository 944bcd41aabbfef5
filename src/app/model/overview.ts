/**
 * The plain-language overview that opens "How the model works": the words of
 * the chain diagram and one paragraph per mechanism, in English and Japanese.
 * The numbers (1-7) tie each paragraph to its place in the diagram.
 */
import type { Lang } from '../../i18n/index.ts';

export interface Mechanism {
  /** Its number in the diagram (1-7). */
  n: number;
  title: string;
  text: string;
}

export interface Overview {
  heading: string;
  intro: string;
  diagramTitle: string;
  diagramDesc: string;
  consumers: [string, string];
  /** Per tier: its name and what its firms are. */
  tiers: [string, string][];
  flows: { goods: string; payment: string };
  /** Beside each link between tiers. */
  link: [string, string];
  /** Beside each tier. */
  firm: [string, string];
  demand: string;
  labour: string;
  mechanisms: Mechanism[];
  /** Leads from the overview to the full description. */
  details: string;
}

const en: Overview = {
  heading: 'The model in brief',
  intro:
    'The model is a small artificial industry. A few makers of final goods (tier 0) buy parts from tier-1 suppliers, which buy from tier 2, which buy from tier 3: about 470 firms by default, followed quarter by quarter for 20 years. Each firm has workers, a wage, a productivity level, equipment and cash. Nothing is scripted: wages, investment and who bears a rise in costs follow from how the firms negotiate prices along the chain. The diagram shows the chain and its mechanisms; each mechanism is explained below in one paragraph, then in full, with its equations, in the sections that follow.',
  diagramTitle: 'The supply chain and its mechanisms',
  diagramDesc:
    'Consumers buy from tier 0, tier 0 from tier 1, tier 1 from tier 2 and tier 2 from tier 3: parts and goods flow up, payment flows down. Between every two tiers, prices are negotiated (cost-ups passed on, cost-down requests, gain sharing). Every firm sets wages, invests, and may exit or be replaced by an entrant. All tiers hire from one labour market.',
  consumers: ['Consumers', 'final demand'],
  tiers: [
    ['Tier 0', 'final-goods makers'],
    ['Tier 1', 'large and mid-sized suppliers'],
    ['Tier 2', 'small suppliers'],
    ['Tier 3', 'small suppliers, deepest tier'],
  ],
  flows: { goods: 'parts and goods flow up', payment: 'payment flows down' },
  link: ['② cost-ups passed on?', '③ cost-downs ④ gain sharing'],
  firm: ['⑤ wages ⑥ investment', '⑦ exit and entry'],
  demand: '① demand and final prices',
  labour: 'Labour market: workers move toward better pay; the minimum wage',
  mechanisms: [
    {
      n: 1,
      title: 'Final demand',
      text: 'Consumers buy the final goods from tier 0. When final prices rise faster than prices in general they buy less; when the chain’s quality rises they buy more. The consumers’ value orientation sets how much quality counts: buyers of “cheap and good” look at the price only, value-focused buyers weigh the price against quality (a price rise without better quality loses them too). Tier 0 sets its price partly from its own costs and partly from the market’s price, so it keeps part of a saving and absorbs part of a rise in costs.',
    },
    {
      n: 2,
      title: 'Passing on cost increases',
      text: 'Prices between firms are contracts: they change only at negotiation rounds (March and September by default). A supplier whose costs rose (materials, energy, its own wages) may ask its buyers for a higher price. Whether it dares to ask, and how much of the rise the buyer accepts, depends on its bargaining power: a supplier that sells almost everything to one customer, or that is easy to replace, asks less and gets less. The pass-through floor sets the least share of a settled request that is granted; labour-cost acceptance, how readily buyers accept their suppliers’ wage rises.',
    },
    {
      n: 3,
      title: 'Cost-down requests',
      text: 'At every round buyers also ask for a price cut, a set share a year, whatever happened to the supplier’s costs. The cuts compound year after year, and a buyer squeezed by its own customers presses harder, so pressure at the top travels down the chain to the smallest firms.',
    },
    {
      n: 4,
      title: 'Gain sharing',
      text: 'When a supplier becomes more productive, who keeps the saving? Without a gain-sharing agreement the buyer can take it through cost-downs and new quotes. With one (the gain-share floor), a cut is capped at the buyer’s share of what the supplier actually saved, and the supplier keeps the rest.',
    },
    {
      n: 5,
      title: 'Wages and the labour market',
      text: 'Once a year, in April after the spring wage settlements, each firm sets its wage: it follows inflation, part of its own productivity growth, the wages of its tier and the minimum wage, and rises more when the firm cannot fill its vacancies, but only as far as its margin can afford. Workers leave firms that pay less than others and are hired by those that pay more.',
    },
    {
      n: 6,
      title: 'Investment and productivity',
      text: 'A firm invests a share of its value added in equipment, which raises its productivity. It invests more when it expects to keep the savings, so cost-downs that take them away (the hold-up problem) hold investment back. Thin margins, little cash or a high cost of capital do the same; buyer support and subsidies add to it.',
    },
    {
      n: 7,
      title: 'Exit and entry',
      text: 'A firm whose cash and credit run out closes, and small firms also close when no successor takes over. Its customers move to other suppliers of the same tier, on new contracts. Parts a supplier cannot deliver are partly bought elsewhere at a premium (the spot market) and partly lost, so a supplier’s shortfall costs its buyer. New firms enter tiers where margins are good or orders go unfilled.',
    },
  ],
  details: 'The full description follows: every mechanism with its equations and parameters.',
};

const ja: Overview = {
  heading: 'モデルの概要',
  intro:
    'このモデルは小さな仮想の産業です。少数の最終製品メーカー（第0階層）が第1階層のサプライヤーから部品を買い、第1階層は第2階層から、第2階層は第3階層から買います。既定では約470社を、四半期ごとに20年間追います。各企業は従業員、賃金、生産性、設備、現預金を持ちます。結果はあらかじめ決められたものではなく、賃金や投資、コスト上昇を誰が負担するかは、サプライチェーンに沿った価格交渉のあり方から生まれます。下の図はサプライチェーンとその仕組みの全体像です。仕組みごとにまず一段落で説明し、続く各節で数式を含めて詳しく説明します。',
  diagramTitle: 'サプライチェーンとその仕組み',
  diagramDesc:
    '消費者は第0階層から、第0階層は第1階層から、第1階層は第2階層から、第2階層は第3階層から買います。部品・製品は上へ、代金は下へ流れます。階層の間ではそれぞれ価格が交渉されます（コスト上昇分の価格転嫁、コストダウン要請、成果配分）。各企業は賃金を決め、投資し、退出することも、新規参入企業に置き換わることもあります。すべての階層が一つの労働市場から人を雇います。',
  consumers: ['消費者', '最終需要'],
  tiers: [
    ['第0階層', '最終製品メーカー'],
    ['第1階層', '大企業・中堅サプライヤー'],
    ['第2階層', '中小サプライヤー'],
    ['第3階層', '中小サプライヤー（最下層）'],
  ],
  flows: { goods: '部品・製品は上へ', payment: '代金は下へ' },
  link: ['②価格転嫁', '③コストダウン要請 ④成果配分'],
  firm: ['⑤賃金 ⑥投資', '⑦退出・参入'],
  demand: '①需要と最終製品の価格',
  labour: '労働市場：従業員はより高い賃金の企業へ移る／最低賃金',
  mechanisms: [
    {
      n: 1,
      title: '最終需要',
      text: '消費者は第0階層から最終製品を買います。最終製品の価格が物価全体より速く上がれば需要は減り、サプライチェーン全体の品質が上がれば需要は増えます。品質がどれだけ効くかは消費者の価値志向によります。「安くて良いもの」を求める消費者は価格だけを見て、価値を重視する消費者は価格を品質と比べます（品質の向上を伴わない値上げでは、やはり買う量を減らします）。第0階層は自社のコストと市場価格の両方を見て価格を決めるため、コスト削減分の一部を手元に残す一方、コスト上昇の一部は自ら吸収します。',
    },
    {
      n: 2,
      title: 'コスト上昇分の価格転嫁',
      text: '企業間の価格は契約であり、変わるのは価格交渉の時期（既定では3月と9月）だけです。原材料費やエネルギー費、自社の人件費が上がったサプライヤーは、取引先に値上げを求めることができます。実際に求めるかどうか、また上昇分のどれだけが認められるかは交渉力次第です。売上のほとんどを1社に頼るサプライヤーや、代わりがすぐ見つかるサプライヤーほど、求めることも認められる額も少なくなります。「価格転嫁の下限」は、交渉がまとまった要請のうち最低限認められる割合を、「労務費の受け入れ」は、発注側がサプライヤーの賃上げ分をどこまで受け入れるかを決めます。',
    },
    {
      n: 3,
      title: 'コストダウン要請',
      text: '発注側は交渉のたびに、サプライヤーのコストがどう変わったかに関係なく、年率で一定割合の値下げも求めます。値下げは年々積み重なります。また、自らも取引先から圧迫されている発注側ほど強く値下げを求めるため、上の階層にかかった圧力がサプライチェーンを下へ、最も小さな企業まで伝わっていきます。',
    },
    {
      n: 4,
      title: '成果配分',
      text: 'サプライヤーの生産性が上がったとき、そのコスト削減分は誰のものになるでしょうか。成果配分の取り決めがなければ、発注側はコストダウン要請や見積もりのやり直しを通じてそれを取り込めます。取り決めがあれば（成果配分の下限）、値下げはサプライヤーが実際に削減した分のうち発注側の取り分までに抑えられ、残りはサプライヤーの手元に残ります。',
    },
    {
      n: 5,
      title: '賃金と労働市場',
      text: '各企業は年に一度、春季労使交渉の後の4月に賃金を決めます。賃金は物価上昇、自社の生産性の伸びの一部、同じ階層の賃金水準、最低賃金に沿って動き、欠員が埋まらない企業ではさらに上がります。ただし、利益率が許す範囲までです。従業員は他より賃金の低い企業を辞め、高い企業に採用されます。',
    },
    {
      n: 6,
      title: '投資と生産性',
      text: '企業は付加価値の一部を設備に投資し、それが生産性を高めます。コスト削減分を自社に残せると見込めるほど投資は増え、コストダウン要請でそれが取り上げられるなら（ホールドアップ問題）投資は抑えられます。利益率が薄い、手元資金が少ない、資本コストが高いといった場合も同様です。親事業者による投資支援や補助金は投資を上乗せします。',
    },
    {
      n: 7,
      title: '退出と参入',
      text: '現預金と借入枠が尽きた企業は退出します。中小企業は後継者が見つからずに廃業することもあります。その取引先は同じ階層の別のサプライヤーに移り、新たな契約を結びます。サプライヤーが納入できない部品は、一部を他から割高で買い（スポット市場）、残りは生産の損失になるため、サプライヤーの納入不足は親事業者の負担になります。利益率が高い階層や、受注に生産が追いつかない階層には新しい企業が参入します。',
    },
  ],
  details: '以下は詳しい説明です。すべての仕組みを数式とパラメータとともに示します。',
};

export const OVERVIEW: Record<Lang, Overview> = { en, ja };
