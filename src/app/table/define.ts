/**
 * What defines a saved scenario, in words: its preset and the levers that
 * differ from it ("Layered; Cost-down demand 3%/year, Pass-through floor
 * 50%"), shares in percent as the levers' fields show them.
 */
import { PARAM_BY_PATH, type Scenario } from '../../engine/index.ts';
import { translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import { diffFromPreset } from '../../share/urlState.ts';
import { paramValue } from '../sensitivity/format.ts';

/** Flattens a patch to [dotted path, value]; arrays are leaves. */
function leaves(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? leaves(v as Record<string, unknown>, path)
      : [[path, v] as [string, unknown]];
  });
}

/** One setting that differs, in words. */
function settingText(lang: Lang, path: string, value: unknown): string {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(lang, key, p);
  if (PARAM_BY_PATH.has(path)) {
    const label = t(`param.${path}.label`);
    if (typeof value === 'boolean') return `${label} ${t(value ? 'controls.on' : 'controls.off')}`;
    return `${label} ${paramValue(lang, path, value as number)}`;
  }
  const n = Array.isArray(value) ? value.length : 0;
  if (path === 'network.firmsPerTier' && Array.isArray(value)) {
    return `${t('controls.tiersLabel')} ${value.join(lang === 'ja' ? '・' : '-')}`;
  }
  if (path === 'shocks') return t('workshop.shocks', { label: t('shocks.title'), n });
  if (path === 'policyEvents') return t('workshop.shocks', { label: t('events.title'), n });
  return path;
}

/** The levers of `scenario` that differ from its preset, in words, in the order of the controls. */
export function differences(lang: Lang, preset: string, scenario: Scenario): string[] {
  return leaves(diffFromPreset(scenario, preset)).map(([path, v]) => settingText(lang, path, v));
}

/** "Preset; lever value, lever value", or "Preset (as the preset)". */
export function definition(lang: Lang, preset: string, scenario: Scenario): string {
  const title = translate(lang, `preset.${preset}.title`);
  const diffs = differences(lang, preset, scenario);
  if (diffs.length === 0) return translate(lang, 'workshop.asPreset', { preset: title });
  return translate(lang, 'workshop.defined', {
    preset: title,
    levers: diffs.join(lang === 'ja' ? '、' : ', '),
  });
}
