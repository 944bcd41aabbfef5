/**
 * Messages that quote the engine's validation messages, in the reader's
 * language: the saved-scenario store's errors and warnings (catalog keys
 * `storage.<code>`) and the link reader's notices (`share.issue.<code>`).
 * The quoted engine messages go through the translator of validation.ts.
 */
import type { StorageMessage } from '../share/storage.ts';
import type { ShareIssue } from '../share/urlState.ts';
import { translate, type Lang, type MessageKey } from './index.ts';
import { engineText, whatText } from './validation.ts';

/** A message of the store (src/share/storage.ts) in `lang`. */
export function storageText(lang: Lang, m: StorageMessage): string {
  const params = { ...m.params };
  if (typeof params.engine === 'string') {
    params.engine = params.engine
      .split('\n')
      .map((e) => engineText(lang, e))
      .join(lang === 'ja' ? '' : ' ');
  }
  return translate(lang, `storage.${m.code}` as MessageKey, params);
}

/** A notice of the link reader (src/share/urlState.ts) in `lang`. */
export function issueText(lang: Lang, issue: ShareIssue): string {
  const params = { ...issue.params };
  if (issue.code === 'invalidValue' && params.detail) params.detail = whatText(lang, params.detail);
  return translate(lang, `share.issue.${issue.code}` as MessageKey, params);
}
