/**
 * Seeded pseudo-random numbers (sfc32 seeded by splitmix32): fast, small
 * state, identical results in every JavaScript engine. The generator belongs
 * to the model run; nothing in the engine uses Math.random.
 */
export class Rng {
  /**
   * The four 32-bit words of sfc32 in a typed array (not object fields, whose
   * values outside the small-integer range are boxed).
   */
  readonly s = new Int32Array(4);
  private spare = NaN;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    const st = this.s;
    for (let i = 0; i < 4; i++) st[i] = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    return uint32(this.s);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uint32(this.s) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box-Muller, caching the second value). */
  normal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = this.next();
    while (u <= 1e-300) u = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  /** Poisson-distributed count (Knuth; fine for small means). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l && k < 1000);
    return k - 1;
  }
}

/** One sfc32 step on the state words s = [a, b, c, d]: a uniform 32-bit unsigned integer. */
function uint32(s: Int32Array): number {
  const a = s[0];
  const b = s[1];
  const c = s[2];
  const d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}
