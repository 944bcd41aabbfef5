/**
 * Japanese texts of the engine's tables: every parameter (label, help,
 * source), every unit, series, economy series, preset, and the link
 * reader's messages. Policy terms follow the source document:
 * 大企業牽引モデル, 複層化したバリューチェーン, 価格転嫁, 下請事業者, 親事業者,
 * コストダウン, 成果配分, 共存共栄.
 */
export interface ParamJa {
  label: string;
  help: string;
  source?: string;
}

export const PARAM_JA: Record<string, ParamJa> = {
  'policy.costDown': {
    label: 'コストダウン要請',
    help: '親事業者が下請事業者に毎年求める、原価に基づく価格からの値下げ幅。交渉のたびに按分して適用され、サプライヤーの交渉力に応じて弱まる。',
    source: '年1～3%のコストダウン要請は日本の産業界で一般的な慣行。',
  },
  'policy.passThroughFloor': {
    label: '価格転嫁の下限',
    help: '交渉のたびに、現行価格と原価に基づく目標価格との差のうち、サプライヤーの交渉力にかかわらず親事業者が必ず埋めなければならない最低割合。1 = コスト上昇分が次の交渉で全額価格転嫁される。',
    source: '日本の価格転嫁率は46.9%（2022年9月）から53.5%（2025年9月）（中小企業庁調査）。',
  },
  'policy.gainShareFloor': {
    label: '成果配分の下限',
    help: 'サプライヤーが最近の生産性向上による節減分のうち、値下げとして親事業者に渡さずに自ら保持できる最低割合。0.5 = コストダウン活動の成果を50対50で配分。',
    source: 'コメニー社はコスト削減の成果をサプライヤーと50対50で配分している（出典資料）。',
  },
  'policy.buyerSupport': {
    label: '親事業者による投資支援',
    help: '各親事業者が黒字の利益のうち、サプライヤーの投資（設備、デジタルツール）に充てる割合。購入額の比率で配分される。',
    source: 'トヨタの仕入先改善支援、キユーピーの低コストAI検査装置（出典資料）。',
  },
  'policy.techSharing': {
    label: '技術の共有',
    help: '親事業者による技術の共有が、サプライヤーの投資の生産性効果をどれだけ高めるか（0 = なし、1 = 2倍）。',
  },
  'policy.subsidy': {
    label: '公的な投資補助',
    help: '中小サプライヤー（第2階層以下）が自己資金で行う投資に対し、政府が上乗せする割合。',
  },
  'policy.belowCostBan': {
    label: '原価割れ価格の禁止',
    help: '交渉価格がサプライヤーの単位原価を下回ってはならない（一方的な代金決定を禁じる2026年改正下請法の趣旨に沿う）。',
  },
  'network.customersPerSupplier': {
    label: 'サプライヤー1社当たりの取引先数',
    help: '各サプライヤーが販売する親事業者の平均数。1程度は系列型のピラミッド、3～5は特定の顧客への依存が小さい複層化したネットワーク。',
    source:
      '日本の下請事業者の6割弱は常時取引先が5社以下、約6割は最大の取引先への売上が3割超（2014年）。',
  },
  'network.crossChain': {
    label: '系列を越えた取引',
    help: 'サプライヤーの追加の取引関係のうち、自らの系列の外（別の最終製品メーカーのピラミッド）の親事業者との取引の割合。',
  },
  'network.tierSkip': {
    label: '階層を飛び越える取引',
    help: '追加の取引関係のうち、階層を飛び越えるものの割合（第3階層の企業が第1階層の企業に直接販売するなど）。',
  },
  'network.directSales': {
    label: '最終利用者への直接販売',
    help: '各サプライヤーが自社ブランド・自社価格で最終利用者に直接販売する生産量の割合。',
  },
  'market.valueOrientation': {
    label: '消費者の価値志向',
    help: '0 = 消費者は「安くて良いもの」を求める（価格に敏感な需要、最終価格は硬直的）、1 = 価値にお金を払う（需要はサプライチェーンの品質に応じ、価格はコストに応じて調整される）。',
    source:
      '日本の消費者は2000年から2018年にかけて「安さ重視」から「品質・自分の欲しいもの重視」へ移行した（出典資料）。',
  },
  'market.priceElasticity': {
    label: '最終需要の価格弾力性',
    help: '実質最終価格が1%上昇したときに最終需要がどれだけ減るか（完全に価格志向の消費者の場合。価値志向が強いほど小さくなる）。',
  },
  'market.qualityElasticity': {
    label: '最終需要の品質弾力性',
    help: 'サプライチェーンの生産性・品質指数に応じて最終需要がどれだけ増えるか（完全に価値志向の消費者の場合）。',
  },
  'market.demandGrowth': {
    label: '最終需要の伸び率',
    help: '価格・品質の効果を除いた実質最終需要のトレンド成長率。',
  },
  'market.finalMarkup': {
    label: '最終製品のマークアップ',
    help: '最終製品メーカー（第0階層）の単位原価に対するマークアップ。',
    source: '第0階層の利益率が5～15%となり、日本の大手製造業と同程度。',
  },
  'market.finalPriceSpeed': {
    label: '最終価格の調整速度',
    help: '消費者が完全に価格志向のとき、第0階層が原価に基づく最終価格との差を各四半期に埋められる割合。価値志向が強いほど1に近づく。',
  },
  'labor.minimumWage': {
    label: '最低賃金での人件費',
    help: '最低賃金で働くフルタイム労働者1人の年間人件費（賃金と社会保険料）。',
    source: '時給1,055円（2024年度）×約1,950時間＋事業主負担約17%。',
  },
  'labor.minimumWageGrowth': {
    label: '最低賃金の上昇率',
    help: '最低賃金の年間上昇率。',
    source: '2024年度：+5.1%。',
  },
  'labor.minimumWageSpillover': {
    label: '最低賃金の波及効果',
    help: '最低賃金の引上げが、最低賃金を上回る賃金を払う低賃金企業の賃金をどこまで押し上げるか（最低賃金を払う企業では全額、最低賃金の2.5倍で消失）。',
  },
  'labor.laborForceGrowth': {
    label: '労働力人口の増加率',
    help: 'モデル化した産業で働ける人数の年間変化率。',
    source: '日本の労働力人口は年約0.5%減少している。',
  },
  'labor.initialUnemployment': {
    label: '当初の失業率',
    help: '開始時点の求職者の労働力人口に対する割合。',
    source: '日本、2024年：2.5%。',
  },
  'labor.wageProductivityShare': {
    label: '賃金改定における生産性の反映割合',
    help: '企業自身の1年間の生産性上昇のうち、賃金改定で賃金に上乗せされる割合。',
  },
  'labor.wageCatchUp': {
    label: '階層の市場賃金への追いつき',
    help: '各賃金改定で、企業が自らの階層の平均賃金との差を埋める割合。',
  },
  'labor.affordabilityFloor': {
    label: '支払能力の下限',
    help: '賃金改定によって企業の営業利益率（前年の売上で評価）がこの値を下回ってはならない。',
  },
  'labor.quitRate': {
    label: '基準離職率',
    help: '賃金が市場の基準水準にあるとき、各四半期に離職する労働者の割合。',
    source: '日本：離職率は年約15%（一部は定年退職）。',
  },
  'labor.quitSensitivity': {
    label: '離職の賃金感応度',
    help: '企業の賃金が自らの階層の市場基準を下回るとき、離職がどれだけ増え（採用がどれだけ減る）か。',
  },
  'labor.matchingRate': {
    label: '就職率',
    help: '求人が十分にあるとき、各四半期に採用される求職者の割合。',
  },
  'costs.inflation': {
    label: '一般物価上昇率',
    help: '一般物価水準の上昇率。賃金改定での期待インフレ率を決め、消費者にとっての最終価格を実質化する。',
  },
  'costs.energyPriceGrowth': {
    label: 'エネルギー価格のトレンド',
    help: 'ショックを除いたエネルギー価格指数の年間トレンド。',
  },
  'costs.materialsPriceGrowth': {
    label: '原材料価格のトレンド',
    help: 'ショックを除いた原材料価格指数の年間トレンド。',
  },
  'costs.energyIntensity': {
    label: '単位当たりエネルギーコスト',
    help: '各階層が生産1単位当たりに購入するエネルギー。当初の最終製品価格に対する割合。',
  },
  'costs.materialsIntensity': {
    label: '単位当たり原材料コスト',
    help: '最下層が生産1単位当たりに購入する原材料。当初の最終製品価格に対する割合。',
  },
  'bargaining.betaMin': {
    label: '最小の交渉力',
    help: '完全に取引先に依存し、代わりのきくサプライヤーの交渉力。',
  },
  'bargaining.betaMax': {
    label: '最大の交渉力',
    help: '親事業者への依存がなく、代わりのないサプライヤーの交渉力。',
  },
  'bargaining.marginMin': {
    label: '標準マージン（最も弱いサプライヤー）',
    help: '交渉力のないサプライヤーに親事業者が認める単位原価に対するマージン。',
  },
  'bargaining.marginMax': {
    label: '標準マージン（最も強いサプライヤー）',
    help: '完全な交渉力を持つサプライヤーが得る単位原価に対するマージン。直接販売でのマージンでもある。',
  },
  'bargaining.cascade': {
    label: 'しわ寄せの連鎖',
    help: '自らの顧客に圧迫されている（利益率の薄い）親事業者が、サプライヤーの値上げにどれだけ抵抗し、値下げをどれだけ強く求めるか。',
  },
  'bargaining.squeezeMargin': {
    label: '親事業者が圧迫を感じる利益率',
    help: '営業利益率がこれを上回る親事業者は圧迫されておらず、ゼロ以下では完全に圧迫されている。',
  },
  'bargaining.gainShareYears': {
    label: '成果配分の対象期間',
    help: 'おおよそこの年数分の過去の生産性向上による節減が、成果配分においてサプライヤー自身の節減とみなされる。',
  },
  'bargaining.uniquenessTop': {
    label: '第1階層サプライヤーの独自性',
    help: '第1階層のサプライヤーの代わりの見つけにくさ（独自技術、自社の強み）。',
  },
  'bargaining.uniquenessDeepest': {
    label: '最下層の独自性',
    help: '最下層のサプライヤーの代わりの見つけにくさ。中間の階層は補間される。',
  },
  'firms.wageTop': {
    label: '従業員1人当たり人件費（第0階層）',
    help: '開始時点の最終製品メーカーの従業員1人当たり年間人件費（給与、賞与、社会保険料）。',
    source: '労働分配率48.2%×大企業の1人当たり付加価値約1,200万円（2023年度）。',
  },
  'firms.wageRatioDeepest': {
    label: '最下層の賃金（第0階層比）',
    help: '最下層の従業員1人当たり当初人件費の第0階層に対する比率。中間の階層は幾何的に補間される。',
    source:
      '所定内給与29.93万円（従業員10～99人）対36.45万円（1000人以上）、2024年賃金構造基本統計調査：0.82。',
  },
  'firms.laborCostShare': {
    label: '各階層の単位当たり人件費',
    help: '開始時点で各階層が生産1単位当たりに加える人件費。当初の最終製品価格に対する割合で、生産性を決める。',
  },
  'firms.capitalPerWorkerTop': {
    label: '従業員1人当たり資本（第0階層）',
    help: '開始時点の最終製品メーカーの従業員1人当たり資本ストック。',
  },
  'firms.capitalRatioDeepest': {
    label: '最下層の1人当たり資本（第0階層比）',
    help: '開始時点の最下層の従業員1人当たり資本の第0階層に対する比率。中間の階層は補間される。',
  },
  'firms.depreciation': {
    label: '減価償却率',
    help: '毎年使い減る資本ストックの割合。',
  },
  'firms.employeesTop': {
    label: '最終製品メーカー1社当たり従業員数',
    help: '第0階層企業の当初の平均従業員数。サプライチェーン全体の規模を決める。',
  },
  'firms.spareCapacity': {
    label: '余剰生産能力',
    help: '開始時点で使われていない生産能力の割合。',
  },
  'firms.reinvestShare': {
    label: '再投資の割合',
    help: '企業がプラスのキャッシュフロー（減価償却前利益）のうち投資に回す割合。',
  },
  'firms.dividendShare': {
    label: '配当性向',
    help: 'プラスの利益のうち所有者に支払う割合。',
  },
  'firms.productivityReturn': {
    label: '投資の生産性効果',
    help: '投資集約度（投資／付加価値）1単位当たりの年間生産性上昇率：0.06なら投資率20%で年1.2%の上昇。',
    source: '大手製造業の15～20%の投資率が1～2%の生産性上昇となるよう較正。',
  },
  'firms.partnerSpillover': {
    label: '取引先からの波及効果',
    help: 'オープンイノベーションによる年間生産性上昇。異なる取引先数の対数1単位当たり。',
  },
  'firms.productivityNoise': {
    label: '生産性のばらつき',
    help: '企業固有の生産性ショックの年間標準偏差。',
  },
  'firms.uniquenessDrift': {
    label: '独自性の変化速度',
    help: 'サプライヤーが付加価値の10%を超えて投資するときに独自性が高まる（下回ると低下する）速さ。',
  },
  'firms.successionHazard': {
    label: '後継者不在による廃業率',
    help: '小規模企業（第2階層以下）が後継者不在で廃業する年間確率。',
  },
  'firms.entryMargin': {
    label: '参入の利益率基準',
    help: '階層の平均営業利益率がこれを上回ると、退出した企業の枠に新しい企業が参入する。',
  },
  'firms.entryRate': {
    label: '参入率',
    help: '1年間に階層へ参入する新規企業の最大数。当初の企業数に対する割合。',
  },
  'mechanisms.negotiation': {
    label: '価格交渉',
    help: 'サプライヤーとの取引価格が、交渉のたびに交渉力を反映した原価加算の目標価格に近づく。オフ：価格は当初の値のまま。',
  },
  'mechanisms.cascade': {
    label: 'しわ寄せの連鎖',
    help: '圧迫された親事業者はサプライヤーの値上げに抵抗する。オフ：親事業者自身の状況は影響しない。',
  },
  'mechanisms.reallocation': {
    label: '発注の振り替え',
    help: 'サプライヤーが応じきれない発注は、余力のある同じ親事業者の別のサプライヤーに回る。',
  },
  'mechanisms.wages': {
    label: '賃金改定',
    help: '毎年の賃金改定。オフ：賃金は当初の値のまま。',
  },
  'mechanisms.laborMarket': {
    label: '労働市場',
    help: '離職、採用、有限の労働力。オフ：どの企業も必要な人手を確保できる。',
  },
  'mechanisms.investment': {
    label: '投資と生産性',
    help: '投資、資本蓄積、生産性上昇、独自性の変化。オフ：投資なし、生産性は一定。',
  },
  'mechanisms.valueDemand': {
    label: '最終需要における価格と品質',
    help: '最終需要が実質価格と品質に反応する。オフ：需要はトレンドのみに従う。',
  },
  'mechanisms.exit': {
    label: '退出と調達先の切り替え',
    help: '債務超過の企業、従業員のいない企業、後継者のいない企業は廃業し、親事業者は調達先を切り替える。',
  },
  'mechanisms.entry': {
    label: '参入',
    help: '利益の出ている階層に新しい企業が参入する。',
  },
  seed: {
    label: '乱数シード',
    help: '乱数生成器のシード：同じシナリオとシードからは常に同じ結果が得られる。',
  },
  years: {
    label: 'シミュレーション年数',
    help: '結果を報告する期間の長さ。',
  },
  'simulation.startYear': {
    label: '開始年',
    help: '報告期間の最初の四半期の暦年（表示のみ）。',
  },
  'simulation.burnInYears': {
    label: '助走期間',
    help: '報告期間がモデル自身の均衡価格から始まるよう、その前に価格交渉だけを回す年数。',
  },
  'simulation.roundsPerYear': {
    label: '年間の価格交渉回数',
    help: '1年当たりの価格交渉の回数（日本の価格交渉促進月間は3月と9月）。',
  },
};

/** Units, keyed by the engine's English unit text. */
export const UNIT_JA: Record<string, string> = {
  'share/year': '比率／年',
  share: '比率',
  'share of profit': '利益に対する比率',
  multiplier: '倍率',
  'share of investment': '投資に対する比率',
  'share of cash flow': 'キャッシュフローに対する比率',
  buyers: '社（取引先）',
  'share of links': '取引関係に占める比率',
  'share of output': '生産量に占める比率',
  '0-1': '0～1',
  elasticity: '弾力性',
  'share of cost': '原価に対する比率',
  'share/quarter': '比率／四半期',
  '¥10k/year': '万円／年',
  'operating margin': '営業利益率',
  'share of final price': '最終製品価格に対する比率',
  years: '年',
  ratio: '倍率',
  '¥10k': '万円',
  persons: '人',
  'growth per unit I/VA': '投資／付加価値1単位当たりの上昇率',
  'growth per log partner': '取引先数の対数1単位当たりの上昇率',
  'sd/year': '標準偏差／年',
  'per unit I/VA/year': '投資／付加価値1単位当たり／年',
  year: '年',
  'rounds/year': '回／年',
  firms: '社',
  '¥m/quarter': '百万円／四半期',
  index: '指数',
  '¥m': '百万円',
  'firms/quarter': '社／四半期',
  '¥m/year': '百万円／年',
};

export const SERIES_JA: Record<string, string> = {
  firms: '存続企業数',
  employment: '雇用者数',
  wage: '従業員1人当たり平均人件費',
  valueAdded: '付加価値',
  valueAddedPerWorker: '従業員1人当たり付加価値',
  laborShare: '労働分配率',
  investment: '投資',
  investmentRate: '投資／付加価値',
  profitMargin: '営業利益率（利益／売上）',
  passThrough: '価格転嫁率（実測）',
  passThroughFull: '全額転嫁できた割合',
  passThroughNone: '転嫁できなかった・値下げされた割合',
  costUp: '対応したコスト上昇',
  costUpAbsorbed: '吸収したコスト上昇',
  productivity: '生産性（開始時 = 1）',
  output: '実質生産量（開始時 = 1）',
  capital: '資本ストック',
  exits: '退出',
  entries: '参入',
};

export const ECONOMY_JA: Record<string, string> = {
  valueAdded: '付加価値',
  finalSales: '最終売上',
  energyCost: 'エネルギーコスト',
  materialsCost: '原材料コスト',
  finalPrice: '最終製品価格（開始時 = 1）',
  employment: '雇用者数',
  unemployment: '失業率',
  externalCostUp: '外部からのコスト上昇（エネルギー、原材料、労務費）',
  consumerBurden: '最終消費者が負担したコスト上昇',
  realDemand: '最終需要（開始時 = 1）',
  generalPrice: '一般物価水準（開始時 = 1）',
  energyPrice: 'エネルギー価格（開始時 = 1）',
  materialsPrice: '原材料価格（開始時 = 1）',
  minimumWage: '最低賃金での人件費',
};

export const PRESET_JA: Record<string, { title: string; description: string }> = {
  'large-firm-led': {
    title: '大企業牽引モデル',
    description:
      'コスト競争の下での系列型のサプライヤー・ピラミッド：各サプライヤーはほぼ一つの親事業者にしか販売せず、消費者は「安くて良いもの」を求め、親事業者は毎年コストダウンを要請し、サプライヤーのコスト上昇も生産性向上の成果もほとんど還元しない。',
  },
  layered: {
    title: '複層化したバリューチェーン',
    description:
      'サプライヤーが系列や階層を越えて複数の顧客と取引し、一部を直接販売する。消費者は品質を評価し、親事業者はコスト上昇の価格転嫁と生産性向上の成果配分を公正に行い、サプライヤーの投資を支援する（共存共栄）。',
  },
  'japan-2024': {
    title: '日本2024年ベースライン',
    description:
      '日本に合わせて較正：既定値に、2022年から始まる2022～2025年のエネルギー・原材料価格、物価、最低賃金の急上昇を加えたもの。',
  },
};

/** The link reader's messages (share.issue.<code>); placeholders as in ISSUE_TEXT. */
export const ISSUE_JA: Record<string, string> = {
  malformed: 'リンクを読み取れなかったため（{{detail}}）、既定の表示にしています。',
  noVersion: 'リンクに形式のバージョンがないため、バージョン{{version}}として読み取りました。',
  badVersion:
    'リンクの形式バージョン「{{value}}」はこのアプリでは扱えないため、既定の表示にしています。',
  newerVersion:
    'このリンクは新しいバージョンのアプリで作られています（形式{{value}}、このアプリは{{version}}まで対応）。既定の表示にしています。',
  migrated: 'このリンクは古いバージョンのアプリ（形式{{from}}）で作られたため、更新しました。',
  unknownPreset:
    'シナリオ{{scenario}}：プリセット「{{value}}」は存在しないため、「{{fallback}}」を使用しています。',
  unknownSetting: 'シナリオ{{scenario}}：不明な設定「{{path}}」を無視しました。',
  unknownParameter: '不明なリンクのパラメータ「{{name}}」を無視しました。',
  notNumber: 'シナリオ{{scenario}}：{{path}} = 「{{value}}」を無視しました（数値ではありません）。',
  notBoolean:
    'シナリオ{{scenario}}：{{path}} = 「{{value}}」を無視しました（true か false である必要があります）。',
  notInteger:
    'シナリオ{{scenario}}：{{path}} = {{value}} を無視しました（整数である必要があります）。',
  outOfRange:
    'シナリオ{{scenario}}：{{path}} = {{value}} を無視しました（{{min}}から{{max}}の範囲である必要があります）。',
  invalidValue: 'シナリオ{{scenario}}：{{path}} = {{value}} を無視しました（{{detail}}）。',
  badOption:
    '{{name}} = 「{{value}}」を無視しました（次のいずれかである必要があります：{{allowed}}）。',
  duplicate: '「{{name}}」が複数回指定されているため、最後の値を使用しています。',
  badCount:
    '{{name}} = 「{{value}}」を無視しました（{{min}}から{{max}}までの整数である必要があります）。',
  axisForm:
    '{{name}} = 「{{value}}」を無視しました（パラメータ:開始値:終了値:段階数の形式である必要があります。例：{{example}}）。',
  axisParameter:
    '{{name}} = 「{{value}}」を無視しました（「{{path}}」というパラメータはありません）。',
  axisNotNumeric:
    '{{name}} = 「{{value}}」を無視しました（「{{path}}」はヒートマップで変化させられる数値ではありません）。',
  axisRange:
    '{{name}} = 「{{value}}」を無視しました（開始値と終了値は{{min}}から{{max}}の範囲である必要があります）。',
  axisSteps:
    '{{name}} = 「{{value}}」を無視しました（段階数は1から{{max}}までの整数である必要があります）。',
  badCheck:
    'リンクが途中で切れているか編集されています（チェックコードが一致しません）。各設定を個別に確認しました。',
  noCheck:
    'リンクにチェックコードがないため、途中で切れているか編集されている可能性があります。各設定を個別に確認しました。',
  pinnedMissing:
    'シナリオ{{scenario}}：固定リンクに {{paths}} が含まれていないため、現在の既定値を使用しています。',
  pinnedModel:
    'このグラフはモデルのバージョン{{pinned}}で固定されています。現在はバージョン{{current}}のため、結果が異なる場合があります。',
};
