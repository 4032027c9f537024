// A form rule for the unified social credit code (optional field): the shared check, with a message
// that names the problem.
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { checkCreditCode, normaliseCreditCode } from '../../../shared/identifiers/credit-code';

export function creditCodeRule(t: TFunction): FormRule {
  return {
    validator: (_rule, value: string | null | undefined) => {
      if (!value || !value.trim()) return Promise.resolve();
      const problem = checkCreditCode(value);
      if (!problem) return Promise.resolve();
      const detail = t(`creditCode.problems.${problem}`, { count: normaliseCreditCode(value).length });
      return Promise.reject(new Error(t('creditCode.invalid', { problem: detail })));
    },
  };
}
