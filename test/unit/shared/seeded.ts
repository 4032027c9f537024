// A tiny seeded PRNG (mulberry32) for property-style loops: the same seed gives the same cases on every
// machine, so a failure can be replayed.
export function seeded(seed: number): { int(min: number, max: number): number; digits(n: number): string } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { int, digits: (n) => Array.from({ length: n }, () => int(0, 9)).join('') };
}
