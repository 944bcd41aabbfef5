/** What the page shows on start: the embed view of one chart, or the full app. */
import { detectLocale } from '../../i18n/index.ts';
import { decodeState, type AppState, type ChartId } from '../../share/urlState.ts';

/** The embed view's props when the link asks for one chart alone (`embed=`), else null. */
export function embedOf(
  href: string,
  languages: readonly string[] | undefined,
): { chart: ChartId; state: AppState } | null {
  const { state } = decodeState(href, { lang: detectLocale(languages) });
  return state.embed ? { chart: state.embed, state } : null;
}
