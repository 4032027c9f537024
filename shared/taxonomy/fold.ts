// The folded form the taxonomy compares values and terms in: half-width, simplified Chinese, lower case,
// no apostrophes, hyphens, slashes and list punctuation as single spaces, no spaces between Chinese words.
import { toSimplified } from '../normalise/names';
import { normaliseText } from '../normalise/text';

/** People pad Chinese words apart (汽车 贴膜, 会议室 租用): the space means nothing. */
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** Folds a value or a term; the result is what suggestCategory searches. */
export function foldForTaxonomy(text: string): string {
  return toSimplified(normaliseText(text))
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[-_‐‑–—/\\|+·・,，、;；:：]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(SPACE_BETWEEN_HAN, '')
    .trim();
}
