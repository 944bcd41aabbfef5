/** How the scenario table shows an indicator's value, by the engine's unit. */
import { fixed, pct } from '../format.ts';

export function formatIndicator(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'share':
      return pct(value, 1);
    case 'share/year':
      return pct(value, 2);
    case '¥m/year':
      return `¥${fixed(value / 1000, 0)}bn`;
    default:
      return fixed(value, 2);
  }
}
