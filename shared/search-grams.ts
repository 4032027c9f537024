// Substring search over Chinese and other text with SQLite's FTS5 and its plain unicode61 tokenizer:
// the engine indexes each value as overlapping two-character grams plus its last character alone, and a
// query becomes a phrase of consecutive grams. So 张三 is found in 张三丰, 1380 inside a phone number,
// and one character by prefix — without the trigram tokenizer's three-character minimum, which would
// miss the two-character names that are most Chinese searches.
//
// Digits are few (100 bigrams, each in a large share of the records), so a phone fragment's bigram phrase
// reads long posting lists. Each run of four or more digits is therefore indexed a second time as
// overlapping four-digit grams, and a query of four or more digits alone is a phrase of those: rare
// tokens, the same records (the query is all digits, so it can only lie inside one digit run). A query
// mixing digits with other characters (an e-mail's "41319@q") stays a bigram phrase, and each run of four
// or more digits in it adds the phrase of its four-digit grams with AND: every record the bigram phrase
// finds has that run inside one of its own digit runs, so the records found are the same, and the index
// reads the rare four-digit grams' short lists first instead of walking the common digit bigrams.
import { foldForMatching } from './normalise/text';

/**
 * One gram per character (code point) pair, then the last character alone, separated by spaces; each
 * is one token to unicode61 (letters and digits, no separators). Built as one string, no arrays.
 */
function grams(folded: string): string {
  let out = '';
  let previous = '';
  for (const char of folded) {
    if (previous !== '') out += `${previous}${char} `;
    previous = char;
  }
  return out + previous;
}

const DIGIT_GRAM = 4;
const DIGIT_RUN = /[0-9]{4,}/g;
const DIGITS_ONLY = /^[0-9]{4,}$/;

/** The overlapping four-digit grams of a digit run of four digits or more. */
function digitQuads(run: string): string[] {
  const quads: string[] = [];
  for (let i = 0; i + DIGIT_GRAM <= run.length; i++) quads.push(run.slice(i, i + DIGIT_GRAM));
  return quads;
}

/** A digit run's four-digit grams, then its last digit alone (so no phrase runs on). */
function digitGrams(run: string): string {
  return `${digitQuads(run).join(' ')} ${run[run.length - 1]}`;
}

/**
 * The text written to the FTS index for a record's searchable values. Values are kept apart (a query
 * never matches across the end of one value and the start of the next) by the single-character tail
 * token each one ends with, which no two-character phrase can span. The four-digit grams of the record's
 * digit runs follow, each run ended the same way; a run inside a longer one of the same record (the phone
 * as written, inside its E.164 digits) is left out, since every query it matches matches the longer one.
 */
export function searchDocument(values: ReadonlyArray<string | null | undefined>): string {
  const parts: string[] = [];
  let runs: string[] | null = null;
  for (const value of values) {
    if (!value) continue;
    const folded = foldForMatching(value);
    if (folded !== '') parts.push(grams(folded));
    const found = folded.match(DIGIT_RUN);
    if (found) (runs ??= []).push(...found);
  }
  if (runs) {
    // Longest first, so a run is kept only when no kept run holds it.
    const kept: string[] = [];
    for (const run of runs.sort((a, b) => b.length - a.length))
      if (!kept.some((k) => k.includes(run))) kept.push(run);
    for (const run of kept) parts.push(digitGrams(run));
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
  const folded = chars.join('');
  if (DIGITS_ONLY.test(folded)) return digitPhrase(folded);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return [`"${pairs.join(' ')}"`, ...(folded.match(DIGIT_RUN) ?? []).map(digitPhrase)].join(' AND ');
}

/** The phrase of a digit run's four-digit grams. */
const digitPhrase = (run: string): string => `"${digitQuads(run).join(' ')}"`;
