/**
 * What an embed must say on its chart rather than change silently: that its
 * figures come from another model version than the one it was pinned with,
 * that the settings behind it changed since it was made (its fingerprint
 * differs), and every value of its link it could not use (named, with why).
 * Pure, apart from the translations.
 */
import { MODEL_VERSION } from '../../engine/index.ts';
import { issueText } from '../../i18n/messages.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { scenarioFingerprint } from '../../share/embed.ts';
import {
  ISSUE_TEXT,
  MODEL_ISSUES,
  fill,
  type DecodeResult,
  type ShareIssue,
} from '../../share/urlState.ts';

export interface EmbedNotice {
  /** 'model': the figures come from another model; 'drift': the settings changed; 'value': a value not used. */
  kind: 'model' | 'drift' | 'value';
  /** The link reader's notice, when it is one. */
  issue: ShareIssue | null;
  /** For the short badge: the model version the embed was made with. */
  made?: string;
}

/** The notice's text in `lang`. */
export function noticeText(lang: Lang, n: EmbedNotice): string {
  return n.issue ? issueText(lang, n.issue) : translate(lang, 'embed.drift');
}

/**
 * The notices of an embed link (decoded once, on start): the model ones
 * first, then a change of its settings, then the values it could not use.
 * `fingerprint`: the one a compact link carried.
 */
export function embedNotices(decoded: DecodeResult, fingerprint: string | null): EmbedNotice[] {
  const { state } = decoded;
  const out: EmbedNotice[] = [];
  const made = decoded.model;
  const model = decoded.issues.filter((i) => MODEL_ISSUES.includes(i.code));
  if (model.length === 0 && made !== MODEL_VERSION && !/x$/.test(made)) {
    // Another version of the same major model: said on the chart too.
    const params = { pinned: made, current: MODEL_VERSION };
    model.push({ code: 'pinnedModel', params, text: fill(ISSUE_TEXT.pinnedModel, params) });
  }
  for (const issue of model) out.push({ kind: 'model', issue, made });
  if (fingerprint !== null && fingerprint !== scenarioFingerprint(state)) {
    out.push({ kind: 'drift', issue: null, made });
  }
  for (const issue of decoded.issues) {
    if (!MODEL_ISSUES.includes(issue.code)) out.push({ kind: 'value', issue });
  }
  return out;
}
