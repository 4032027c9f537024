// How a product value is compared with the product review's rules: folded as the taxonomy folds values
// (width, case, simplified script, punctuation) and without spaces, so 'HP 打印机', 'hp打印机' and
// 'ＨＰ 打印機' share one rule.
import { foldForTaxonomy } from '../../../shared/taxonomy';

export function productRuleKey(value: string): string {
  return foldForTaxonomy(value).replace(/\s+/g, '');
}
