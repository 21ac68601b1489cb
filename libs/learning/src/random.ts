/**
 * A seeded pseudo-random generator (mulberry32): 32 bits of state, fast, and the same sequence
 * for the same seed on every platform. Good enough for shuffles and random starts; not for secrets.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy (Fisher–Yates), deterministic for the generator's seed. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export interface Split<T> {
  train: T[];
  holdout: T[];
}

/**
 * Splits `items` into a training part and a held-out part of `fraction` (rounded; at least one
 * item as soon as there are two), the same way for the same seed.
 */
export function holdoutSplit<T>(items: readonly T[], fraction: number, seed: number): Split<T> {
  const order = shuffled(items, seededRandom(seed));
  const wanted = Math.round(items.length * fraction);
  const size = items.length >= 2 ? Math.min(items.length - 1, Math.max(1, wanted)) : 0;
  return { holdout: order.slice(0, size), train: order.slice(size) };
}
