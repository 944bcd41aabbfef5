/**
 * Colours: the Okabe-Ito palette, safe for the common colour-vision
 * deficiencies. Tiers keep one colour everywhere; scenario A is drawn with
 * solid lines, B with dashed lines.
 */
export const TIER_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
export const CONSUMER_COLOUR = '#666666';
export const SCENARIO_COLOURS = { A: '#0072B2', B: '#D55E00' } as const;
export const DASH_B = [6, 4];

export function tierColour(k: number): string {
  return TIER_COLOURS[k % TIER_COLOURS.length];
}

export function tierName(k: number, tiers: number): string {
  if (k === 0) return 'Tier 0 (final goods)';
  return k === tiers - 1 ? `Tier ${k} (deepest)` : `Tier ${k}`;
}

/**
 * How cost-ups were settled (did not ask, were refused, passed part, passed
 * all): grey, then a red–blue diverging scale (ColorBrewer RdBu, readable
 * with the common colour-vision deficiencies), from worst to best outcome.
 */
export const OUTCOME_COLOURS = ['#b3b3b3', '#d6604d', '#92c5de', '#2166ac'] as const;

/** Policy events on time axes: their lines and labels. */
export const EVENT_COLOUR = '#5a5a5a';
