/** The app's languages (the link's `lang=`, the catalogs, the page). */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];
