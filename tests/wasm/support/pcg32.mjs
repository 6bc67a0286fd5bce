// PCG32 (O'Neill's pcg32, pcg-c-basic) written out with BigInt, as an independent
// reference for the engine's seeded data sets, initial weights and minibatch order.
const MASK = (1n << 64n) - 1n;
const MULT = 6364136223846793005n;

export class Pcg32 {
  constructor(seed, stream = 54) {
    this.state = 0n;
    this.inc = ((BigInt(stream) << 1n) | 1n) & MASK;
    this.nextU32();
    this.state = (this.state + BigInt(seed)) & MASK;
    this.nextU32();
  }

  nextU32() {
    const old = this.state;
    this.state = (old * MULT + this.inc) & MASK;
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }

  /** Uniform in [0, 1) from 53 bits: 27 of one word, 26 of the next. */
  uniform() {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniformIn(lo, hi) {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [0, n) by rejection. */
  below(n) {
    const threshold = (4294967296 - n) % n;
    for (;;) {
      const r = this.nextU32();
      if (r >= threshold) return r % n;
    }
  }

  /** Fisher-Yates of 0..n-1 from the last position down. */
  shuffled(n) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
}
