// The secure wipe's vocabulary, shared by the engine, the CLI and the window: why data is deleted
// (PIPL Art. 47), how paper is destroyed (DIN 66399 security levels, as GB/T 39710 adopts them), and
// what a cloud or other system's deletion went through. Pure constants; the schemas are in
// shared/contract/wipe.ts, the storage in the engine.

/**
 * Why the personal information is deleted: the items of PIPL Art. 47 ¶1 that apply when a business
 * closes (ceased business: item 2; purpose achieved: item 1; retention expired: item 2; consent
 * withdrawn: item 3; processing unlawful: item 4; other: item 5).
 */
export const PIPL_TRIGGERS = [
  'ceased-business',
  'purpose-achieved',
  'retention-expired',
  'consent-withdrawn',
  'unlawful-processing',
  'other',
] as const;
export type PiplTrigger = (typeof PIPL_TRIGGERS)[number];

/** The PIPL Art. 47 ¶1 item each trigger cites. */
export const PIPL_TRIGGER_ITEM: Record<PiplTrigger, number> = {
  'purpose-achieved': 1,
  'ceased-business': 2,
  'retention-expired': 2,
  'consent-withdrawn': 3,
  'unlawful-processing': 4,
  other: 5,
};

/** How a batch of paper was destroyed. */
export const PAPER_METHODS = ['shredder', 'incineration', 'pulping', 'destruction-company'] as const;
export type PaperMethod = (typeof PAPER_METHODS)[number];

/** Security levels of a shredder (DIN 66399-2 / ISO 21964-2, adopted as GB/T 39710): P-1 … P-7. */
export const SHRED_LEVELS = ['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7'] as const;

/** What a cloud service (or any other system outside the vault) has confirmed so far. */
export const CLOUD_STATUSES = ['requested', 'confirmed'] as const;
export type CloudStatus = (typeof CLOUD_STATUSES)[number];

/** A processor's answer under PIPL Art. 21 / GDPR Art. 28(3)(g): the data returned, or deleted. */
export const PROCESSOR_OUTCOMES = ['returned', 'deleted'] as const;
export type ProcessorOutcome = (typeof PROCESSOR_OUTCOMES)[number];

/** NIST SP 800-88 sanitisation types. */
export type SanitisationType = 'clear' | 'purge' | 'destroy';
