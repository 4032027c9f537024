// The handover's vocabulary, shared by the engine, the CLI and the wizard: the legal routes, the recipient
// and its keys, the agreement, the vetting checklist, the PIPIA's answers, the fields that may travel and
// the consent rule that decides who may travel. Pure: schemas and rules, no storage.
import { z } from 'zod';
import { CUSTOMER_FIELDS, type CustomerField } from './customer';

/**
 * PIPL Art. 22 succession (merger, division, dissolution: notice, objection respected), Art. 23 provision
 * to another handler (separate consent), Art. 38–39 cross-border (separate consent + a transfer mechanism).
 */
export const HANDOVER_ROUTES = ['succession', 'provision', 'cross-border'] as const;
export type HandoverRoute = (typeof HANDOVER_ROUTES)[number];

/** How the package is locked: the recipient's own certificate, a kit made here, or a password. */
export const KEY_MODES = ['certificate', 'kit', 'password'] as const;
export type KeyMode = (typeof KEY_MODES)[number];

export const VETTING_ITEMS = ['licence', 'security', 'incidents', 'dpo'] as const;
export type VettingItem = (typeof VETTING_ITEMS)[number];

/** Art. 38: the mechanism a cross-border provision relies on. */
export const CROSS_BORDER_MECHANISMS = [
  'security-assessment',
  'certification',
  'standard-contract',
  'exemption',
] as const;

export const NOTICE_CHANNELS = ['letter', 'email', 'sms', 'phone', 'in-person', 'announcement'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const NOTICE_STATUSES = ['pending', 'sent', 'delivered', 'bounced'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_LANGUAGES = ['zh-CN', 'en'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

export const CONSENT_TYPES = ['separate', 'guardian'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];
export const RESPONSE_KINDS = ['objection', 'consent'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** The fields a person may choose to send (minimisation): the customer fields and the extra fields. */
export const HANDOVER_FIELDS = [...CUSTOMER_FIELDS, 'extra'] as const;
export type HandoverField = CustomerField | 'extra';
/** What travels unless the person chooses otherwise: contact and order history, no ID numbers. */
export const DEFAULT_HANDOVER_FIELDS: readonly HandoverField[] = [
  'name',
  'organisation',
  'phone',
  'email',
  'address',
  'country',
  'product',
  'lastOrderDate',
];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const isoDate = z.iso.date();

export const recipientSchema = z.strictObject({
  organisation: text(200),
  /** Unified social credit code (GB 32100); required for a recipient in mainland China. */
  creditCode: z.string().trim().max(40).nullable().default(null),
  /** Who at the recipient customers may contact; the notices need it (it may come later than the name). */
  contactPerson: optionalText(100),
  /** Phone or e-mail, as the notices give it to customers. */
  contact: optionalText(200),
  address: optionalText(500),
  /** ISO 3166-1 alpha-2; anything but CN (HK, MO and TW included) is cross-border under PIPL Art. 38. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2')
    .transform((s) => s.toUpperCase()),
});
export type HandoverRecipient = z.output<typeof recipientSchema>;

export const crossBorderSchema = z.strictObject({
  mechanism: z.enum(CROSS_BORDER_MECHANISMS).nullable().default(null),
  /** The recipient protects the information to PIPL's standard (Art. 38 para. 2). */
  protectionEquivalent: z.boolean().default(false),
  /** Customers are told how to exercise their rights against the foreign recipient (Art. 39). */
  rightsExplained: z.boolean().default(false),
  note: optionalText(2000),
});
export type CrossBorderChecklist = z.output<typeof crossBorderSchema>;

export const agreementTermsSchema = z.strictObject({
  purposes: text(2000),
  scope: text(2000),
  retention: text(1000),
  undertakings: z.strictObject({
    confidentiality: z.literal(true),
    securityMeasures: z.literal(true),
    noFurtherTransfer: z.literal(true),
    deletionOnRequest: z.literal(true),
  }),
  note: optionalText(2000),
});
export type AgreementTerms = z.output<typeof agreementTermsSchema>;

const level = z.enum(['low', 'medium', 'high']);
export const pipiaAnswersSchema = z.strictObject({
  purposes: optionalText(2000),
  necessity: optionalText(4000),
  risks: z
    .array(
      z.strictObject({ risk: text(500), likelihood: level, severity: level, mitigation: optionalText(1000) }),
    )
    .max(50)
    .optional(),
  measures: optionalText(4000),
  conclusion: optionalText(2000),
  residualRisk: level.default('low'),
  /** Who keeps the PIPIA after the company is deregistered (PIPL Art. 56: at least 3 years). */
  custodian: optionalText(200),
});
export type PipiaAnswers = z.output<typeof pipiaAnswersSchema>;

export const noticeSettingsSchema = z.strictObject({
  /** The last day customers may object (or, for consent routes, reply). */
  deadline: isoDate,
  /** Who answers customers after the company is gone (liquidator, successor): a name and a contact. */
  afterClosureContact: text(300),
  /** Why the data moves (merger, dissolution, …), in the company's words. */
  reason: text(1000),
});
export type NoticeSettings = z.output<typeof noticeSettingsSchema>;

/** What a caller gives for the notices: the deadline; the reason and the contact default to the vault's. */
export const noticeSettingsInputSchema = z.strictObject({
  deadline: isoDate,
  afterClosureContact: text(300).optional(),
  reason: text(1000).optional(),
});

/**
 * What a handover still lacks, in both languages: the blockers of a package (in the order the wizard's
 * steps resolve them), then what the notices and the PIPIA's approval need. The wizard lists them and
 * HANDOVER_NOT_READY carries their codes (detail `gaps`), rendered in the reader's language.
 */
export const HANDOVER_GAPS = {
  recipient: {
    'zh-CN': '接收方的联系人、联系方式和地址',
    en: "the recipient's contact person, contact and address",
  },
  certificate: {
    'zh-CN': '接收方的证书（或生成密钥包）',
    en: "the recipient's certificate (or a kit made here)",
  },
  reasoning: { 'zh-CN': '选择此移交路径的理由', en: 'the reasoning for this route' },
  'cross-border': {
    'zh-CN': '跨境清单（机制、保护水平、权利说明）',
    en: 'the cross-border checklist (mechanism, protection, rights)',
  },
  agreement: { 'zh-CN': '已签署的移交协议', en: 'the signed agreement' },
  pipia: { 'zh-CN': '所有者批准的个人信息保护影响评估', en: 'the PIPIA approved by an owner' },
  notices: { 'zh-CN': '向客户发出告知', en: 'the customer notices issued' },
  deadline: {
    'zh-CN': '异议期届满（或所有者书面说明理由后提前）',
    en: 'the objection deadline passed (or an owner’s written reason to go earlier)',
  },
  'notice-deadline': { 'zh-CN': '异议截止日期', en: 'the objection deadline' },
  'notice-reason': { 'zh-CN': '移交的原因', en: 'the reason for the handover' },
  'after-closure-contact': { 'zh-CN': '注销后的联系方式', en: 'a contact after the closure' },
  'pipia-necessity': { 'zh-CN': '影响评估：必要性', en: 'the PIPIA’s necessity' },
  'pipia-conclusion': { 'zh-CN': '影响评估：结论', en: 'the PIPIA’s conclusion' },
  'pipia-custodian': { 'zh-CN': '影响评估：注销后的保管人', en: 'the PIPIA’s custodian after the closure' },
} as const satisfies Record<string, Record<'zh-CN' | 'en', string>>;
export type HandoverGap = keyof typeof HANDOVER_GAPS;

/** What can still stop a package from being built, in the order the wizard's steps resolve them. */
export type HandoverBlocker =
  'recipient' | 'certificate' | 'reasoning' | 'cross-border' | 'agreement' | 'pipia' | 'notices' | 'deadline';

/** Each gap's text in one language (the wizard's list of what is missing). */
export function gapLabels(lang: 'zh-CN' | 'en'): Record<HandoverGap, string> {
  return Object.fromEntries(Object.entries(HANDOVER_GAPS).map(([k, v]) => [k, v[lang]])) as Record<
    HandoverGap,
    string
  >;
}

/** Gap codes as one line in the reader's language; a code not in the catalogue is shown as it is. */
export function gapsText(codes: readonly unknown[], lang: 'zh-CN' | 'en'): string {
  return codes
    .map((c) =>
      typeof c === 'string' && c in HANDOVER_GAPS ? HANDOVER_GAPS[c as HandoverGap][lang] : String(c),
    )
    .join(lang === 'zh-CN' ? '；' : '; ');
}

/** The consent a record needs before it may travel, or null when notice and no objection suffice. */
export function requiredConsent(
  route: HandoverRoute,
  record: { minor: boolean; sensitive: boolean },
): ConsentType | 'any' | null {
  // PIPL Art. 31: a child under 14 needs the guardian's consent, whatever the route.
  if (record.minor) return 'guardian';
  // Art. 29: sensitive personal information needs separate consent, whatever the route.
  if (record.sensitive) return 'separate';
  // Art. 23 and 39: providing to another handler, or abroad, needs consent from everyone.
  if (route !== 'succession') return 'any';
  return null;
}

/** Whether a consent of `given` type satisfies what `required` asks. */
export function consentSatisfies(required: ConsentType | 'any' | null, given: ConsentType | null): boolean {
  if (required === null) return true;
  if (given === null) return false;
  if (required === 'guardian') return given === 'guardian';
  return true; // 'separate' and 'any' are met by a separate or a guardian's consent
}

/** Whether a country code is mainland China (everything else is cross-border under PIPL Art. 38). */
export const isMainland = (country: string): boolean => country.toUpperCase() === 'CN';
