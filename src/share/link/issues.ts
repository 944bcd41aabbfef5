/**
 * What a link's reader ignored or changed (src/share/urlState.ts): a message
 * code, its parameters and the English sentence.
 */
import { ISSUE_TEXT, fill, type IssueCode } from '../../i18n/issues.ts';

/**
 * What decoding ignored or changed, as a message key and its parameters, so
 * that the UI can show it in either language (catalog keys `share.issue.<code>`).
 * `text` is the English sentence.
 */
export interface ShareIssue {
  code: IssueCode;
  params: Record<string, string>;
  text: string;
}

/** Notices that the figures come from another model than the link's: shown on their own, in embeds too. */
export const MODEL_ISSUES: readonly IssueCode[] = [
  'modelChanged',
  'modelNewer',
  'modelUpdated',
  'pinnedModel',
];

export function issue(code: IssueCode, params: Record<string, string> = {}): ShareIssue {
  return { code, params, text: fill(ISSUE_TEXT[code], params) };
}
