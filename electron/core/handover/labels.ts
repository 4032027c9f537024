// The words the handover's documents (PIPIA, letters, kit instructions, README) print, in Chinese and
// English: routes, fields, vetting items, levels. Written once here; the wizard has its own UI text.
import { EXPORT_COLUMNS } from '../records/export-columns';
import type { HandoverField, HandoverRoute, VettingItem } from '../../../shared/handover';

export interface Bilingual {
  zh: string;
  en: string;
}

export const ROUTE_LABELS: Record<HandoverRoute, Bilingual> = {
  succession: {
    zh: '因合并、分立、解散等原因转移（《个人信息保护法》第二十二条，告知）',
    en: 'Succession: merger, division, dissolution (PIPL Art. 22, notice)',
  },
  provision: {
    zh: '向其他个人信息处理者提供（第二十三条，单独同意）',
    en: 'Provision to another handler (PIPL Art. 23, separate consent)',
  },
  'cross-border': {
    zh: '向境外提供（第三十八至三十九条，单独同意）',
    en: 'Cross-border provision (PIPL Art. 38–39, separate consent)',
  },
};

export const VETTING_LABELS: Record<VettingItem, Bilingual> = {
  licence: { zh: '营业执照与经营资质', en: 'Business licence and permits' },
  security: { zh: '安全保护能力', en: 'Security capability' },
  incidents: { zh: '安全事件记录', en: 'Security incident history' },
  dpo: { zh: '个人信息保护负责人或联系人', en: 'Data-protection officer or contact' },
};

export const LEVEL_LABELS: Record<'low' | 'medium' | 'high', Bilingual> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
};

/** A field's name in both languages: the records export's column headers, plus the extra fields. */
export function fieldLabel(field: HandoverField): Bilingual {
  if (field === 'extra') return { zh: '其他字段', en: 'extra fields' };
  const column = EXPORT_COLUMNS.find((c) => c.key === field);
  return column ? { zh: column.zh, en: column.en } : { zh: field, en: field };
}

export const fieldList = (fields: readonly HandoverField[], lang: 'zh' | 'en'): string =>
  fields.map((f) => fieldLabel(f)[lang]).join(lang === 'zh' ? '、' : ', ');
