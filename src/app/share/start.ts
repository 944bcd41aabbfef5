/** What the page shows on start: the embed view of one chart, or the full app. */
import {
  MODEL_ISSUES,
  type AppState,
  type ChartId,
  type DecodeResult,
  type ShareIssue,
} from '../../share/urlState.ts';

/**
 * The embed view's props when the link (decoded once, on start) asks for one
 * chart alone (`embed=`), else null. `notices` are the link's notices about
 * the model: an embed made with another model version says that its figures
 * come from this one.
 */
export function embedOf(
  decoded: DecodeResult,
): { chart: ChartId; state: AppState; notices: ShareIssue[] } | null {
  const { state, issues } = decoded;
  if (!state.embed) return null;
  return {
    chart: state.embed,
    state,
    notices: issues.filter((i) => MODEL_ISSUES.includes(i.code)),
  };
}
