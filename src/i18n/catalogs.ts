/** Both catalogs at once, for tests and scripts (the app loads Japanese on demand). */
import { EN_CATALOG } from './catalog.ts';
import { JA_CATALOG } from './catalog.ja.ts';

export { flatten, type Catalog } from './catalog.ts';
export { MISSING_JA } from './catalog.ja.ts';
export const CATALOGS = { en: EN_CATALOG, ja: JA_CATALOG } as const;
