/**
 * Wages and labour (docs/model.md section 11): the spring wage round with the
 * minimum wage and its spill-over in an absolute band above it, quits and
 * vacancies by relative wage, and hiring from a finite pool of job seekers.
 */
import { clamp, type Model } from './state.ts';

/** Workers' view of each firm's wage relative to the economy-wide reference for its tier. */
export function updateAppeal(m: Model): void {
  const { alive, nFirms, wageNorm, L, w, appeal } = m;
  const tierOf = m.net.tierOf;
  const qs = m.sc.labor.quitSensitivity;
  let wl = 0;
  let ls = 0;
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    wl += w[i] * L[i];
    ls += L[i];
  }
  const wEcon = ls > 0 ? wl / ls : 1;
  for (let i = 0; i < nFirms; i++) {
    if (alive[i]) appeal[i] = Math.exp(qs * (w[i] / (wEcon * wageNorm[tierOf[i]]) - 1));
  }
}

/**
 * Minimum-wage spill-over: full at the minimum, fading to nothing at
 * (1 + band) times it. The one formula of the bite.
 */
export function spilloverBite(w: number, wMin: number, band: number): number {
  return clamp(((1 + band) * wMin - w) / (band * wMin), 0, 1);
}

/** Yearly wage round: inflation + productivity share + catch-up + minimum-wage spill-over, capped by affordability. */
export function wageRound(m: Model, t: number): void {
  const sc = m.sc;
  const lab = sc.labor;
  const { alive, nFirms, L, w, A, Aprev, va4, dep4, rev4, E, vac4 } = m;
  const quarters = Math.max(1, m.yearQuarters);
  const { tierOf } = m.net;
  const wSumT = m.flows.wageSum; // scratch here: tier means
  const lT = m.flows.employment;
  wSumT.fill(0);
  lT.fill(0);
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    wSumT[tierOf[i]] += w[i] * L[i];
    lT[tierOf[i]] += L[i];
  }
  const wMin = m.paths.minimumWage[t];
  const wMinPrev = t >= 4 ? m.paths.minimumWage[t - 4] : m.paths.minimumWage[0];
  const gMin = Math.max(0, wMin / wMinPrev - 1);
  const infl = m.paths.inflation[t];
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    const k = tierOf[i];
    const wi = w[i];
    const tierMean = lT[k] > 0 ? wSumT[k] / lT[k] : wi;
    const ra = A[i] / Aprev[i];
    const gProd = ra <= 1 ? 0 : Math.log(ra);
    const g =
      infl +
      lab.wageProductivityShare * gProd +
      lab.wageCatchUp * (tierMean / wi - 1) +
      lab.minimumWageSpillover * gMin * spilloverBite(wi, wMin, lab.spilloverBand) +
      lab.vacancyWagePush * clamp(vac4[i] / quarters - 0.02, 0, 0.2);
    let wNew = wi * (1 + g);
    // Affordability: the raise may not push last year's operating margin below the floor (the
    // sums since the last wage round, scaled to a year).
    const year = 4 / quarters;
    const wMax =
      L[i] > 0 ? (year * (va4[i] - dep4[i] - lab.affordabilityFloor * rev4[i])) / L[i] : wi;
    if (wNew > wMax) wNew = Math.max(Math.min(wi, wNew), wMax);
    // No nominal cuts unless equity is negative (then at most 3%).
    if (wNew < wi) wNew = E[i] < 0 ? Math.max(wNew, 0.97 * wi) : wi;
    w[i] = Math.max(wNew, wMin);
    Aprev[i] = A[i];
  }
}

/**
 * Quits, layoffs and vacancies of tier k's firms after the quarter's output
 * (from their employment at the start of the quarter); returns the tier's
 * employment after them. With the labour market off, every firm has the
 * workers it wants.
 */
export function labourTier(m: Model, k: number, on: boolean): number {
  const { alive, x, L, A, orders, appeal, vacancies, hireWeight, vac4 } = m;
  const util = m.util;
  const quitRate = m.sc.labor.quitRate;
  let employed = 0;
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    if (!alive[i]) {
      vacancies[i] = 0;
      continue;
    }
    const ai = A[i];
    const li0 = L[i];
    // Workers wanted for the orders the firm can serve (input-starved firms do not hoard labour).
    const want = Math.min(orders[i], x[i] + 0.1 * ai * li0) / (ai * util);
    let li: number;
    if (!on) {
      vacancies[i] = 0;
      li = Math.max(want, 1);
    } else {
      const ap = appeal[i];
      li = li0 - li0 * Math.min(0.5, quitRate / ap);
      if (li > 1.2 * want) li -= 0.25 * (li - 1.2 * want);
      const v = want - li;
      if (v > 0) {
        vacancies[i] = v;
        hireWeight[i] = v * ap;
        if (li > 0) vac4[i] += v / li;
      } else vacancies[i] = 0;
    }
    L[i] = li;
    employed += li;
  }
  return employed;
}

/**
 * The industry's labour pool after the quarter: job seekers above the starting
 * unemployment rate move to other industries (a fifth of the excess a
 * quarter), and the pool refills toward the trend labour force as fast when
 * unemployment is below that rate. The pool never exceeds the trend.
 */
export function updatePool(m: Model, t: number): void {
  const trend = m.laborForce0 * m.paths.laborForce[t];
  const u0 = m.sc.labor.initialUnemployment;
  const excess = m.pool - m.econ.employment - u0 * m.pool;
  let pool = m.pool - 0.2 * excess;
  if (pool > trend) pool = trend;
  m.pool = Math.max(pool, m.econ.employment);
}

/** Hiring from a finite pool of job seekers, by vacancy times appeal: sets m.hires; false if none. */
export function planHires(m: Model, t: number, employed: number): boolean {
  const { alive, nFirms, vacancies, hireWeight } = m;
  let vacSum = 0;
  let wsum = 0;
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i] || !(vacancies[i] > 0)) continue;
    vacSum += vacancies[i];
    wsum += hireWeight[i];
  }
  if (!(wsum > 0)) return false;
  const seekers = Math.max(0, m.pool - employed);
  const hires = Math.min(vacSum, m.sc.labor.matchingRate * seekers);
  m.hires = hires;
  m.hireWeightSum = wsum;
  return hires > 0;
}
