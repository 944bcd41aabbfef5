/**
 * The Japanese catalog, loaded on demand (i18n/index.ts `loadLang`): the
 * app's texts (ui.ja.ts) and the engine's tables (engine.ja.ts).
 */
import { buildCatalog } from './catalog.ts';
import {
  ECONOMY_JA,
  EVENT_LABEL_JA,
  ISSUE_JA,
  PARAM_JA,
  PRESET_JA,
  SERIES_JA,
  UNIT_JA,
} from './engine.ja.ts';
import { uiJa } from './ui.ja.ts';

/** Keys of Japanese texts that are missing (English used instead). */
export const MISSING_JA: string[] = [];

export const JA_CATALOG = buildCatalog(
  { ui: uiJa, PARAM_JA, UNIT_JA, SERIES_JA, ECONOMY_JA, PRESET_JA, ISSUE_JA },
  MISSING_JA,
);

export { EVENT_LABEL_JA, UNIT_JA };
