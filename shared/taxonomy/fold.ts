// The folded form the taxonomy compares values and terms in: half-width, simplified Chinese, lower case,
// no apostrophes, hyphens, slashes and list punctuation as single spaces.
import { toSimplified } from '../normalise/names';
import { normaliseText } from '../normalise/text';

/** Folds a value or a term; the result is what suggestCategory searches. */
export function foldForTaxonomy(text: string): string {
  return toSimplified(normaliseText(text))
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[-_‐‑–—/\\|+·・,，、;；:：]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
