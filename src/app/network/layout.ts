/** Positions and colours for the picture of a network sample. Pure, tested in Node. */
import type { NetworkSample } from '../../engine/index.ts';

export interface Node {
  x: number;
  y: number;
  tier: number;
  alive: boolean;
  wage: number;
  margin: number;
}

export interface Link {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Picture {
  nodes: Node[];
  links: Link[];
}

/**
 * Tiers as rows (tier 0 on top), firms of a tier spread evenly. The order
 * within rows comes from a few barycentre sweeps (each firm moves toward the
 * mean position of its buyers, then of its suppliers), so that a captive
 * pyramid is drawn as a tree and a web shows its cross links.
 */
export function layout(s: NetworkSample, width: number, height: number, pad = 14): Picture {
  const n = s.tier.length;
  let tiers = 0;
  for (let i = 0; i < n; i++) tiers = Math.max(tiers, s.tier[i] + 1);
  const rows: number[][] = Array.from({ length: tiers }, () => []);
  for (let i = 0; i < n; i++) rows[s.tier[i]].push(i);
  for (const row of rows) row.sort((i, j) => s.chain[i] - s.chain[j] || i - j);
  const buyers: number[][] = Array.from({ length: n }, () => []);
  const suppliers: number[][] = Array.from({ length: n }, () => []);
  for (let l = 0; l < s.linkSupplier.length; l++) {
    buyers[s.linkSupplier[l]].push(s.linkBuyer[l]);
    suppliers[s.linkBuyer[l]].push(s.linkSupplier[l]);
  }
  const pos = new Float64Array(n);
  const place = (row: number[]) => row.forEach((i, r) => (pos[i] = (r + 0.5) / row.length));
  rows.forEach(place);
  const reorder = (row: number[], nbrs: number[][]) => {
    const key = new Map<number, number>();
    for (const i of row) {
      const ns = nbrs[i];
      key.set(i, ns.length ? ns.reduce((a, j) => a + pos[j], 0) / ns.length : pos[i]);
    }
    row.sort((i, j) => key.get(i)! - key.get(j)!);
    place(row);
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let k = 1; k < tiers; k++) reorder(rows[k], buyers);
    for (let k = tiers - 2; k >= 0; k--) reorder(rows[k], suppliers);
  }
  for (let k = 1; k < tiers; k++) reorder(rows[k], buyers);
  const nodes: Node[] = new Array(n);
  rows.forEach((row, k) => {
    const y = tiers > 1 ? pad + (k * (height - 2 * pad)) / (tiers - 1) : height / 2;
    for (const i of row) {
      nodes[i] = {
        x: pad + pos[i] * (width - 2 * pad),
        y,
        tier: k,
        alive: s.alive[i] === 1,
        wage: s.wage[i],
        margin: s.margin[i],
      };
    }
  });
  const links: Link[] = [];
  for (let l = 0; l < s.linkSupplier.length; l++) {
    const a = nodes[s.linkSupplier[l]];
    const b = nodes[s.linkBuyer[l]];
    if (a && b) links.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  return { nodes, links };
}

/** Viridis, sampled: a sequential scale that reads in grey and for colour-blind viewers. */
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
}

export function viridis(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const [a, b] = [hex(VIRIDIS[i]), hex(VIRIDIS[i + 1])];
  return `rgb(${a.map((x, j) => Math.round(x + (b[j] - x) * f)).join(',')})`;
}

export type Health = 'loss' | 'thin' | 'healthy' | 'closed';

export const HEALTH_COLOURS: Record<Health, string> = {
  loss: '#D55E00',
  thin: '#E69F00',
  healthy: '#0072B2',
  closed: '#ffffff',
};

export function health(node: Node): Health {
  if (!node.alive) return 'closed';
  if (!(node.margin >= 0)) return 'loss';
  return node.margin < 0.03 ? 'thin' : 'healthy';
}

/** Wage range of the living firms of several samples, for one shared colour scale. */
export function wageRange(samples: (NetworkSample | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    if (!s) continue;
    for (let i = 0; i < s.wage.length; i++) {
      if (!s.alive[i] || !Number.isFinite(s.wage[i])) continue;
      lo = Math.min(lo, s.wage[i]);
      hi = Math.max(hi, s.wage[i]);
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
