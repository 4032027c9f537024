// Substring search over Chinese and other text with SQLite's FTS5 and its plain unicode61 tokenizer:
// the engine indexes each value as overlapping two-character grams plus its last character alone, and a
// query becomes a phrase of consecutive grams. So 张三 is found in 张三丰, 1380 inside a phone number,
// and one character by prefix — without the trigram tokenizer's three-character minimum, which would
// miss the two-character names that are most Chinese searches.
import { foldForMatching } from './normalise/text';

/** One gram per character pair; each is one token to unicode61 (letters and digits, no separators). */
function grams(folded: string): string[] {
  const chars = Array.from(folded);
  if (chars.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
  return out;
}

/**
 * The text written to the FTS index for a record's searchable values. Values are kept apart (a query
 * never matches across the end of one value and the start of the next) by the single-character tail
 * token each one ends with, which no two-character phrase can span.
 */
export function searchDocument(values: ReadonlyArray<string | null | undefined>): string {
  const parts: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const g = grams(foldForMatching(value));
    if (g.length) parts.push(g.join(' '));
  }
  return parts.join(' ');
}

/**
 * An FTS5 MATCH expression finding records whose values contain `query` as a substring (after the same
 * folding: case, width, spaces and punctuation ignored), or null when the query has nothing searchable.
 * Grams are letters and digits only, so they are safe inside FTS5 double quotes.
 */
export function searchMatch(query: string): string | null {
  const chars = Array.from(foldForMatching(query));
  if (chars.length === 0) return null;
  if (chars.length === 1) return `"${chars[0]}"*`;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return `"${pairs.join(' ')}"`;
}
