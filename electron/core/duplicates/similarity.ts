// String similarity for scoring duplicates. Pure; every function works on code points, so a Chinese
// character counts as one character.

/** Jaro-Winkler similarity in 0–1 (prefix scale 0.1, at most 4 prefix characters). */
export function jaroWinkler(left: string, right: string): number {
  if (left === right) return left === '' ? 0 : 1;
  const a = Array.from(left);
  const b = Array.from(right);
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/**
 * Sørensen–Dice coefficient over character bigrams (a multiset): the share of two-character pieces two
 * strings have in common. Suits Chinese addresses and company names, which have no spaces to split on.
 */
export function bigramDice(left: string, right: string): number {
  if (left === right) return left === '' ? 0 : 1;
  const a = bigrams(left);
  const b = bigrams(right);
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, n] of a) shared += Math.min(n, b.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** Levenshtein distance over code points. For short strings (names, identifiers). */
export function editDistance(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 − edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function editSimilarity(left: string, right: string): number {
  const longer = Math.max(Array.from(left).length, Array.from(right).length);
  return longer === 0 ? 0 : 1 - editDistance(left, right) / longer;
}

/** Tokens in common over tokens in either (Jaccard). */
export function tokenJaccard(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left);
  const b = new Set(right);
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}
