/** The lessons page's own texts, in English and Japanese. */
import type { Lang } from '../../share/urlState.ts';

const EN = {
  nav: 'Lessons',
  title: 'Guided lessons',
  lead: 'Short lessons that walk through the argument of Japan’s 2019 growth-strategy paper with the live model. In each one you predict the answer, run the model, read why it comes out that way, then try the levers yourself.',
  progress: '{{done}} of {{total}} lessons finished',
  statusNew: 'Not started',
  statusPredicted: 'Prediction made',
  statusFinished: 'Finished',
  unknown: 'There is no lesson "{{id}}". Choose one of the lessons below.',
  damaged:
    'Your saved lesson progress could not be read; it was kept aside in this browser and progress starts afresh.',
  notKept: 'This browser does not keep your progress (storage is blocked or full).',
  back: 'All lessons',
  lessonOf: 'Lesson {{n}} of {{total}}',
  question: 'Question',
  predict: 'Your prediction',
  predictHint: 'Pick the answer you expect before you run the model.',
  run: 'Run the model',
  running: 'Running the lesson’s scenarios…',
  loadAgain: 'Scenarios A and B no longer hold this lesson’s scenarios. Run them again',
  loaded:
    'Scenarios A and B now hold this lesson’s scenarios (Undo in the header brings back your earlier ones).',
  result: 'What the model shows',
  right: 'Your prediction was right.',
  wrong: 'The model does not bear out your prediction.',
  answer: 'The model’s answer: {{answer}}',
  claimsTitle: 'In numbers (this run)',
  claimHolds: 'holds',
  claimFails: 'does not hold in this run',
  why: 'Why',
  tryTitle: 'Try it yourself',
  tryText:
    'Open the Simulation page with this lesson’s scenarios and the levers that matter highlighted:',
  tryButton: 'Try it yourself in the Simulation page',
  print: 'Print worksheet',
  restart: 'Start this lesson again',
  next: 'Next lesson: {{title}}',
  chartNote: 'The chart that answers the question',
  worksheetTitle: 'Worksheet',
  worksheetName: 'Name',
  worksheetPredict: 'Your prediction (tick one) and why:',
  worksheetAnswer: 'What did the model show?',
  worksheetWhy: 'Why does it come out this way?',
  worksheetLink: 'Lesson online: {{link}}',
  bannerTitle: 'Lesson: {{title}}',
  bannerText: 'Try these levers (highlighted below) and watch the charts:',
  bannerBack: 'Back to the lesson',
  bannerClose: 'Close',
  percentPoints: '{{value}} pp',
} as const;

export type LessonTextKey = keyof typeof EN;

const JA: Record<LessonTextKey, string> = {
  nav: 'レッスン',
  title: 'ガイド付きレッスン',
  lead: '2019年の成長戦略実行計画の論点を、実際に動くモデルでたどる短いレッスンです。各レッスンでは、まず答えを予想し、モデルを実行し、なぜそうなるのかを読み、最後に自分でレバーを動かしてみます。',
  progress: '{{total}}レッスン中{{done}}レッスン修了',
  statusNew: '未着手',
  statusPredicted: '予想済み',
  statusFinished: '修了',
  unknown: '「{{id}}」というレッスンはありません。以下のレッスンから選んでください。',
  damaged:
    '保存されていたレッスンの進み具合を読み込めませんでした。データはこのブラウザ内に別途保管し、進み具合は最初からになります。',
  notKept: 'このブラウザでは進み具合を保存できません（ストレージがブロックされているか満杯です）。',
  back: 'レッスン一覧',
  lessonOf: 'レッスン {{n}}／{{total}}',
  question: '問い',
  predict: 'あなたの予想',
  predictHint: 'モデルを実行する前に、予想する答えを選んでください。',
  run: 'モデルを実行する',
  running: 'レッスンのシナリオを計算しています…',
  loadAgain: 'シナリオAとBがこのレッスンのシナリオではなくなっています。もう一度実行する',
  loaded:
    'シナリオAとBにこのレッスンのシナリオを読み込みました（ヘッダーの「元に戻す」で以前のシナリオに戻せます）。',
  result: 'モデルの結果',
  right: '予想どおりでした。',
  wrong: 'モデルの結果は予想と異なりました。',
  answer: 'モデルの答え：{{answer}}',
  claimsTitle: '数値で見る（今回の実行）',
  claimHolds: '成り立つ',
  claimFails: '今回の実行では成り立たない',
  why: 'なぜそうなるのか',
  tryTitle: '自分で試してみよう',
  tryText: 'このレッスンのシナリオで「シミュレーション」ページを開き、効くレバーを強調表示します：',
  tryButton: 'シミュレーションページで自分で試す',
  print: 'ワークシートを印刷',
  restart: 'このレッスンをやり直す',
  next: '次のレッスン：{{title}}',
  chartNote: '問いに答えるグラフ',
  worksheetTitle: 'ワークシート',
  worksheetName: '氏名',
  worksheetPredict: 'あなたの予想（1つに✓）とその理由：',
  worksheetAnswer: 'モデルは何を示しましたか。',
  worksheetWhy: 'なぜそうなるのでしょうか。',
  worksheetLink: 'オンライン版：{{link}}',
  bannerTitle: 'レッスン：{{title}}',
  bannerText: '次のレバー（下で強調表示）を動かして、グラフの変化を見てください：',
  bannerBack: 'レッスンに戻る',
  bannerClose: '閉じる',
  percentPoints: '{{value}}ポイント',
};

const TEXTS: Record<Lang, Record<LessonTextKey, string>> = { en: EN, ja: JA };

/** A lessons-page text in `lang`, with {{name}} parameters filled in. */
export function lessonText(
  lang: Lang,
  key: LessonTextKey,
  params: Record<string, string | number> = {},
): string {
  return TEXTS[lang][key].replace(/\{\{(\w+)\}\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
