/** How the scenario table shows an indicator's value, by the engine's unit, in `lang`. */
import type { Lang } from '../../i18n/index.ts';
import { fixed, money, pct } from '../format.ts';

export function formatIndicator(value: number | null, unit: string, lang: Lang = 'en'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'share':
      return pct(value, 1);
    case 'share/year':
      return pct(value, 2);
    case '¥m/year':
      return money(value / 1000, lang);
    default:
      return fixed(value, 2);
  }
}
