/**
 * The sensitivity page's settings as its fields hold them (a number field
 * being edited may be empty or out of range): one store for the page and
 * the link, like the runs control's (src/app/runs/bands.svelte.ts); the
 * app's one is in the app context (src/app/context.ts). The session loads it
 * from a link and writes `settings()` back to the address.
 */
import {
  axisProblem,
  defaultSettings,
  isIndicator,
  isRuns,
  type AxisSetting,
  type ScenarioId,
  type SensSettings,
} from '../../share/sensitivity.ts';

export class SensForm {
  scenario = $state<ScenarioId>('A');
  indicator = $state(defaultSettings().indicator);
  /** null while the field is empty. */
  runs = $state<number | null>(defaultSettings().runs);
  axes = $state<[AxisSetting, AxisSetting]>(defaultSettings().axes);

  /** Shows `s` in the fields. */
  load(s: SensSettings): void {
    this.scenario = s.scenario;
    this.indicator = s.indicator;
    this.runs = s.runs;
    this.axes = [{ ...s.axes[0] }, { ...s.axes[1] }];
  }

  /** The settings as a link holds them: each field's value when valid, else its default (reactive). */
  settings(): SensSettings {
    const def = defaultSettings();
    return {
      scenario: this.scenario === 'B' ? 'B' : 'A',
      indicator: isIndicator(this.indicator) ? this.indicator : def.indicator,
      runs: isRuns(this.runs) ? this.runs : def.runs,
      axes: this.axes.map((a, k) => (axisProblem(a) === null ? { ...a } : def.axes[k])) as [
        AxisSetting,
        AxisSetting,
      ],
    };
  }
}
