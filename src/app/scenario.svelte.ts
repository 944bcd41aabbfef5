/**
 * One editable scenario (A or B): its preset, its current valid inputs and
 * the messages of fields whose typed value was rejected. Every accepted
 * change is sent to the scenario's bridge; a rejected one leaves the inputs,
 * and so the run on screen, as they were.
 */
import {
  findPreset,
  getPath,
  presetScenario,
  setPath,
  validateScenario,
  type Scenario,
  type SimResult,
} from '../engine/index.ts';
import { baselineKey, baselineRun, isModified } from './charts/baselines.ts';
import type { Lang } from '../i18n/index.ts';
import { validationMessage } from '../i18n/validation.ts';
import type { SimBridge } from './bridge.svelte.ts';

import type { ScenarioId } from '../share/ids.ts';

export type { ScenarioId };

/** What an accepted edit was: the input's path (none for a preset change or reset) and when. */
export interface EditEvent {
  model: ScenarioModel;
  path?: string;
  time?: number;
}

/** The engine's messages that concern `path`, in words a reader can act on, in `lang`. */
export function messageFor(path: string, errors: string[], lang: Lang = 'en'): string {
  return validationMessage(lang, path, errors);
}

/** A field's message, told in the language current when it is shown. */
export type FieldMessage = (lang: Lang) => string;

export class ScenarioModel {
  preset = $state('');
  /** Always a valid scenario, replaced (never mutated) on every change. */
  scenario = $state.raw<Scenario>(presetScenario('large-firm-led'));
  /** Message per path of the fields holding a rejected value. */
  fieldErrors = $state.raw<Record<string, FieldMessage>>({});
  /** Bumped on preset change or reset, so that fields drop what was typed. */
  generation = $state(0);

  readonly title = $derived(findPreset(this.preset)?.title ?? this.preset);
  /** Whether any input differs from the preset's (undoing back to its values clears it). */
  readonly modified = $derived(isModified(this.preset, this.scenario));
  /** The preset's result at the scenario's seed, once the scenario is modified and it has run. */
  baseline = $state.raw<SimResult | null>(null);
  /** True while the baseline of a modified scenario is being run. */
  baselinePending = $state(false);
  #baselineKey = '';

  /** Called after every accepted edit by the user (not after `load`): undo history, link. */
  onEdit: ((e: EditEvent) => void) | null = null;

  /** Starts from `scenario` (a link's, say), or from the preset's. */
  constructor(
    readonly id: ScenarioId,
    preset: string,
    readonly bridge: SimBridge,
    scenario?: Scenario,
  ) {
    if (scenario) this.load(preset, scenario);
    else this.applyPreset(preset);
  }

  value(path: string): unknown {
    return getPath(this.scenario, path);
  }

  /**
   * Sets one input (a dotted path, or `network.firmsPerTier` / `shocks` with
   * a whole array). Returns false, and records a message, if the result would
   * not be a valid scenario.
   */
  set(path: string, value: unknown, inputTime?: number): boolean {
    const next = structuredClone(this.scenario) as unknown as Record<string, unknown>;
    setPath(next, path, value);
    const parsed = validateScenario(next);
    if (!parsed.ok) {
      const errors = parsed.errors;
      this.fieldErrors = { ...this.fieldErrors, [path]: (lang) => messageFor(path, errors, lang) };
      return false;
    }
    if (path in this.fieldErrors) {
      const rest = { ...this.fieldErrors };
      delete rest[path];
      this.fieldErrors = rest;
    }
    this.scenario = parsed.scenario;
    this.bridge.request(this.scenario, inputTime);
    this.#syncBaseline();
    this.onEdit?.({ model: this, path, time: inputTime });
    return true;
  }

  /**
   * Asks the bridge to run the scenario with `path` at each of `values` ahead
   * (the next steps of a slider), in this order; invalid ones are skipped.
   */
  prefetch(path: string, values: unknown[]): void {
    const ahead: Scenario[] = [];
    for (const value of values) {
      const next = structuredClone(this.scenario) as unknown as Record<string, unknown>;
      setPath(next, path, value);
      const parsed = validateScenario(next);
      if (parsed.ok) ahead.push(parsed.scenario);
    }
    this.bridge.prefetch(ahead);
  }

  /** Marks a field as holding text that is not a value at all. */
  reject(path: string, message: FieldMessage): void {
    this.fieldErrors = { ...this.fieldErrors, [path]: message };
  }

  applyPreset(name: string, inputTime?: number): void {
    this.load(name, presetScenario(name), inputTime);
    this.onEdit?.({ model: this, time: inputTime });
  }

  reset(inputTime?: number): void {
    this.applyPreset(this.preset, inputTime);
  }

  /**
   * Shows a given preset and scenario (from a link, a saved scenario, undo or
   * redo) without calling `onEdit`. `scenario` must be valid (it is checked
   * by the worker too); what was typed in the fields is dropped.
   */
  load(preset: string, scenario: Scenario, inputTime?: number): void {
    this.preset = preset;
    this.scenario = scenario;
    this.fieldErrors = {};
    this.generation++;
    this.bridge.request(this.scenario, inputTime);
    this.#syncBaseline();
  }

  /**
   * Asks for the baseline when the scenario is modified: from the cache, or
   * run at low priority after the user's own run (see SimBridge.background).
   */
  #syncBaseline(): void {
    if (!isModified(this.preset, this.scenario)) {
      this.#baselineKey = '';
      this.baseline = null;
      this.baselinePending = false;
      return;
    }
    const seed = this.scenario.seed;
    const key = baselineKey(this.preset, seed);
    if (key === this.#baselineKey) return;
    this.#baselineKey = key;
    this.baseline = null;
    this.baselinePending = true;
    const pending = baselineRun(this.preset, seed, (s) => this.bridge.background(s));
    void pending.then((r) => {
      if (this.#baselineKey !== key) return;
      this.baseline = r;
      this.baselinePending = false;
      if (!r) this.#baselineKey = ''; // the run failed: the next edit asks again
    });
  }
}
