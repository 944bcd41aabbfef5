/** How the lessons show a metric's value. */
import type { Lang } from '../../share/urlState.ts';
import type { MetricUnit } from './lessons.ts';

export function metricValue(x: number, unit: MetricUnit, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'index') return x.toFixed(3);
  const digits = unit === 'pctYear' ? 2 : 1;
  const p = `${(x * 100).toFixed(digits)}%`;
  return unit === 'pctYear' ? (lang === 'ja' ? `年${p}` : `${p}/yr`) : p;
}
