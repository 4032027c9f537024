// What happens to each record when the business closes: exactly one of RETAIN (with a legal basis and a
// retain-until date), TRANSFER (to a named recipient), ANONYMISE or DESTROY. Set by rules or by hand.
import { z } from 'zod';
import { recordFilterSchema } from './records';

/**
 * Statutory retention presets: accounting archives 30 years (会计档案管理办法 Art. 14 and its annex), tax
 * records 10 years (税收征收管理法实施细则 Art. 29), invoice stubs 5 years (发票管理办法). The period counts from the end of the
 * accounting year of the record's last order (or of this year when it has none), as Art. 14 of the
 * Accounting Archives Measures counts it, so retain-until is 31 December of that year plus N.
 */
export const RETENTION_PRESETS = {
  'accounting-30y': {
    years: 30,
    basis:
      '《会计档案管理办法》第十四条、附表：会计凭证、账簿保管 30 年 / Accounting Archives Measures Art. 14 and annex: vouchers and books, 30 years',
  },
  'tax-10y': {
    years: 10,
    basis:
      '《税收征收管理法实施细则》第二十九条：账簿、凭证等涉税资料保存 10 年 / Tax Collection Administration Law Implementing Rules Art. 29: tax records, 10 years',
  },
  'invoice-5y': {
    years: 5,
    basis:
      '《发票管理办法》：已开具发票存根联保存 5 年 / Invoice Administration Measures: stubs of issued invoices, 5 years',
  },
} as const;
export type RetentionPreset = keyof typeof RETENTION_PRESETS;
export const RETENTION_PRESET_NAMES = Object.keys(RETENTION_PRESETS) as RetentionPreset[];

const basis = z.string().trim().min(1).max(500);
const recipient = z.string().trim().min(1).max(200);

export const dispositionSetSchema = z.union([
  z.strictObject({ disposition: z.enum(['DESTROY', 'ANONYMISE']) }),
  z.strictObject({ disposition: z.literal('TRANSFER'), recipient }),
  z.strictObject({ disposition: z.literal('RETAIN'), basis, retainUntil: z.iso.date() }),
  z.strictObject({
    disposition: z.literal('RETAIN'),
    preset: z.enum(RETENTION_PRESET_NAMES as [RetentionPreset, ...RetentionPreset[]]),
    /** Instead of the preset's own wording. */
    basis: basis.optional(),
  }),
]);
export type DispositionSet = z.infer<typeof dispositionSetSchema>;

export const dispositionRuleSchema = z.strictObject({
  when: recordFilterSchema,
  set: dispositionSetSchema,
});
export type DispositionRule = z.infer<typeof dispositionRuleSchema>;
