/** How the engine's parameter groups are arranged in the control panel. */
import { PARAMS, type Group, type ParamSpec } from '../../engine/index.ts';
import type { UiKey } from '../../i18n/index.ts';

/** Titles are catalog keys, told in the current language where shown. */
export interface Section {
  id: string;
  title: UiKey;
  /** Engine groups shown in this section, each with a subheading when there are several. */
  groups: { group: Group; title: UiKey }[];
  /** Array inputs shown in this section. */
  extra?: 'tiers' | 'shocks' | 'events';
}

export const SECTIONS: Section[] = [
  {
    id: 'policy',
    title: 'section.policy',
    groups: [{ group: 'policy', title: 'section.policy' }],
    extra: 'events',
  },
  {
    id: 'network',
    title: 'section.network',
    groups: [{ group: 'network', title: 'section.network' }],
    extra: 'tiers',
  },
  {
    id: 'market',
    title: 'section.market',
    groups: [
      { group: 'market', title: 'section.finalDemand' },
      { group: 'bargaining', title: 'section.bargaining' },
    ],
  },
  {
    id: 'labour',
    title: 'section.labour',
    groups: [
      { group: 'labor', title: 'section.labourGroup' },
      { group: 'costs', title: 'section.costs' },
    ],
    extra: 'shocks',
  },
  {
    id: 'simulation',
    title: 'section.simulation',
    groups: [
      { group: 'simulation', title: 'section.run' },
      { group: 'firms', title: 'section.firms' },
      { group: 'mechanisms', title: 'section.mechanisms' },
    ],
  },
];

/** The key levers, shown first; in their sections they are not repeated. */
export const KEY_PARAMS: ParamSpec[] = PARAMS.filter((p) => p.key);

export function paramsOf(group: Group): ParamSpec[] {
  return PARAMS.filter((p) => p.group === group && !p.key);
}

/**
 * Levers that take only some values of their range, offered as a choice:
 * negotiation rounds fall in the same quarters every year only for 1, 2 or 4.
 */
export const CHOICES: Readonly<Record<string, readonly number[]>> = {
  'simulation.roundsPerYear': [1, 2, 4],
};
