// The classification rules a vault keeps (versioned, in its `rules` table): organisation markers,
// product/service categories with their keywords, when a record is stale, how completeness is scored,
// and the age under which a customer is a minor. Schema only; the defaults are in default-rules.ts and
// the engine applies them (electron/core/classification).
import { z } from 'zod';

/** The fields the completeness score can count; a validated field counts only when it is valid. */
const COMPLETENESS_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'idNumber',
  'creditCode',
  'country',
  'product',
  'lastOrderDate',
  'lifetimeValue',
] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

/** What the statistics call records whose product matched no category; so no category may be named so. */
export const UNMATCHED = 'unmatched';

const word = z.string().trim().min(1).max(100);

const categoryRuleSchema = z.strictObject({
  name: word.refine((n) => n !== UNMATCHED, { message: `"${UNMATCHED}" is reserved` }),
  /** Matched on the product field: Chinese anywhere in it, Latin words as whole words, any case. */
  keywords: z.array(word).min(1).max(500),
});

/** A person's choice in the product review: records whose product is this value go to this category. */
const productRuleSchema = z.strictObject({
  /** Compared as the taxonomy folds values (case, width, simplified script, punctuation ignored). */
  value: z.string().trim().min(1).max(500),
  /** A taxonomy category id (shared/taxonomy) or a category name of these rules. */
  category: word.refine((n) => n !== UNMATCHED, { message: `"${UNMATCHED}" is reserved` }),
});
export type ProductRule = z.infer<typeof productRuleSchema>;

export const rulesSchema = z
  .strictObject({
    /** A name or organisation containing one of these is a business (Latin ones as whole words). */
    organisationMarkers: z.array(word).max(500),
    /**
     * In order: the first category with a keyword in the product field wins. A product no keyword
     * matches goes to the built-in taxonomy's suggestion; a product rule beats both.
     */
    categories: z.array(categoryRuleSchema).max(200),
    /** Value → category, from the product review; absent in rules stored before it existed. */
    productRules: z.array(productRuleSchema).max(20_000).optional(),
    /** No order for this many years makes a record stale. */
    staleYears: z.int().min(1).max(100),
    completeness: z.strictObject({
      fields: z.array(z.enum(COMPLETENESS_FIELDS)).min(1).max(COMPLETENESS_FIELDS.length),
      /** Records scoring below this (0–100) are flagged incomplete. */
      threshold: z.int().min(0).max(100),
    }),
    /** PIPL Art. 28: the personal information of a child under 14 is sensitive. */
    minorAge: z.int().min(1).max(18),
  })
  .refine((r) => new Set(r.categories.map((c) => c.name)).size === r.categories.length, {
    message: 'category names must be unique',
    path: ['categories'],
  });
export type ClassificationRules = z.infer<typeof rulesSchema>;

/** A stored version of the rules. */
export interface RulesVersion {
  version: number;
  body: ClassificationRules;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
}
