/** How the engine's parameter groups are arranged in the control panel. */
import { PARAMS, type Group, type ParamSpec } from '../../engine/index.ts';

export interface Section {
  id: string;
  title: string;
  /** Engine groups shown in this section, each with a subheading when there are several. */
  groups: { group: Group; title: string }[];
  /** Array inputs shown in this section. */
  extra?: 'tiers' | 'shocks';
}

export const SECTIONS: Section[] = [
  { id: 'policy', title: 'Policy', groups: [{ group: 'policy', title: 'Policy' }] },
  {
    id: 'network',
    title: 'Network',
    groups: [{ group: 'network', title: 'Network' }],
    extra: 'tiers',
  },
  {
    id: 'market',
    title: 'Market',
    groups: [
      { group: 'market', title: 'Final demand' },
      { group: 'bargaining', title: 'Bargaining' },
    ],
  },
  {
    id: 'labour',
    title: 'Labour and shocks',
    groups: [
      { group: 'labor', title: 'Labour' },
      { group: 'costs', title: 'Costs and prices' },
    ],
    extra: 'shocks',
  },
  {
    id: 'simulation',
    title: 'Simulation',
    groups: [
      { group: 'simulation', title: 'Run' },
      { group: 'firms', title: 'Firms at the start' },
      { group: 'mechanisms', title: 'Mechanisms (switch off to see what each does)' },
    ],
  },
];

/** The key levers, shown first; in their sections they are not repeated. */
export const KEY_PARAMS: ParamSpec[] = PARAMS.filter((p) => p.key);

export function paramsOf(group: Group): ParamSpec[] {
  return PARAMS.filter((p) => p.group === group && !p.key);
}
