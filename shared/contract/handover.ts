// handover.*: handing customers over to a successor (PIPL Art. 22/23/38–39, GDPR Art. 14): the recipient
// and its keys, the route, the agreement and vetting, the PIPIA, customer notices, objections and
// consents, the signed and encrypted package, and the receipt; and the recipient's side: opening a
// package and signing the receipt. Result types beside the operations (docs/CLI.md shows them as JSON).
import { z } from 'zod';
import {
  CONSENT_TYPES,
  HANDOVER_FIELDS,
  HANDOVER_ROUTES,
  KEY_MODES,
  NOTICE_CHANNELS,
  NOTICE_LANGUAGES,
  NOTICE_STATUSES,
  RESPONSE_KINDS,
  VETTING_ITEMS,
  agreementTermsSchema,
  crossBorderSchema,
  noticeSettingsInputSchema,
  pipiaAnswersSchema,
  recipientSchema,
  type AgreementTerms,
  type ConsentType,
  type CrossBorderChecklist,
  type HandoverBlocker,
  type HandoverField,
  type HandoverRecipient,
  type HandoverRoute,
  type KeyMode,
  type NoticeChannel,
  type NoticeLanguage,
  type NoticeSettings,
  type NoticeStatus,
  type PipiaAnswers,
  type ResponseKind,
  type VettingItem,
} from '../handover';
import { fileRef, op, ROLES, type OpSpec } from './op';
import type { SessionInfo } from './vault';

const handoverId = z.uuid();
const password = z.string().min(8).max(1024);
const fieldsSchema = z.array(z.enum(HANDOVER_FIELDS)).min(1).max(HANDOVER_FIELDS.length);

export interface HandoverCertificate {
  subject: string;
  organisation: string | null;
  serialNumber: string | null;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
}

/** What the wizard's steps have done so far, in order; `ready` once a package may be built. */
export interface HandoverProgress {
  recipient: boolean;
  route: boolean;
  agreement: boolean;
  vetting: number;
  pipiaApproved: boolean;
  noticesIssued: boolean;
  deadlinePassed: boolean;
  packaged: boolean;
  receipt: boolean;
  /** What still stops a package from being built (codes the wizard translates). */
  blockers: HandoverBlocker[];
}

export interface HandoverSummary {
  handoverId: string;
  state: 'open' | 'packaged' | 'closed';
  createdAt: string;
  organisation: string;
  country: string;
  route: HandoverRoute;
  keyMode: KeyMode;
  deadline: string | null;
  progress: HandoverProgress;
}

export interface HandoverSelection {
  /** Records whose disposition is TRANSFER to this recipient. */
  destined: number;
  objectors: number;
  missingConsent: number;
  /** destined − objectors − those missing a required consent: what a package would hold. */
  selected: number;
  sensitive: number;
  minors: number;
  individuals: number;
  businesses: number;
  regions: Record<string, number>;
}

export interface VettingRecord {
  item: VettingItem;
  done: boolean;
  note: string;
  evidence: Array<{ name: string; sha256: string; bytes: number }>;
  recordedAt: string | null;
}

export interface AgreementRecord {
  terms: AgreementTerms;
  signedOn: string;
  file: { name: string; sha256: string; bytes: number } | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PipiaFacts {
  client: { name: string; creditCode: string | null };
  recipient: HandoverRecipient;
  route: HandoverRoute;
  reasoning: string;
  fields: HandoverField[];
  selection: HandoverSelection;
  sensitiveKinds: Record<string, number>;
  agreement: { purposes: string; retention: string; signedOn: string } | null;
  vetting: Array<{ item: VettingItem; done: boolean }>;
  crossBorder: CrossBorderChecklist | null;
}

export interface PipiaRecord {
  facts: PipiaFacts;
  answers: PipiaAnswers;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Keep until (approval + 3 years, PIPL Art. 56). */
  keepUntil: string | null;
  /** The approval no longer matches the handover (fields or recipient changed since): approve again. */
  stale: boolean;
  files: { pdf: string } | null;
}

export interface HandoverDetail extends HandoverSummary {
  recipient: HandoverRecipient;
  dispositionLabel: string;
  reasoning: string;
  crossBorder: CrossBorderChecklist;
  certificate: HandoverCertificate | null;
  fields: HandoverField[];
  notice: NoticeSettings | null;
  agreement: AgreementRecord | null;
  vetting: VettingRecord[];
  pipia: { approvedAt: string | null; approvedBy: string | null; stale: boolean };
  notices: Record<NoticeStatus, number>;
  responses: { objections: number; consents: number };
  selection: HandoverSelection;
  override: { reason: string; by: string; at: string } | null;
  transfers: HandoverTransfer[];
}

export interface HandoverTransfer {
  transferId: number;
  file: string;
  sha256: string;
  bytes: number;
  records: number;
  fields: HandoverField[];
  createdAt: string;
  receivedAt: string | null;
  receiptSigner: string | null;
}

export interface HandoverKit {
  p12: string;
  certificate: string;
  instructions: string;
  fingerprintSha256: string;
  /** The PKCS#12 password when Closeout chose it: shown once, never stored. */
  generatedPassword: string | null;
}

export interface NoticesWritten {
  dir: string;
  letters: string[];
  mailMerge: string;
  sms: string;
  announcement: string;
  customers: number;
  smsParts: number;
}

export interface NoticeRow {
  recordId: number;
  name: string | null;
  language: NoticeLanguage;
  channel: NoticeChannel | null;
  status: NoticeStatus;
  sentAt: string | null;
  response: ResponseKind | null;
}

export interface ResponseRecorded {
  responseId: number;
  recordId: number;
  kind: ResponseKind;
  consentType: ConsentType | null;
  evidence: { name: string; sha256: string } | null;
  selection: HandoverSelection;
}

export interface PackageBuilt {
  path: string;
  readme: string;
  senderCertificate: string;
  records: number;
  bytes: number;
  sha256: string;
  cipher: 'aes-256-cbc' | 'aes-256-gcm';
  transferId: number;
}

export interface ReceiptImported {
  handoverId: string;
  transferId: number;
  records: number;
  signer: { subject: string; fingerprintSha256: string };
  /** Records of this package now TRANSFERRED: the wipe wizard may destroy them here. */
  wipeOffered: number;
}

interface PackageSigner {
  subject: string;
  organisation: string | null;
  fingerprintSha256: string;
  signingTime: string | null;
}

export interface PackageOpened {
  /** The sender's signature, verified against `trust` (a package that fails to verify is never shown). */
  signer: PackageSigner;
  /** The sender's company certificate the signature was verified against. */
  trust: { subject: string; organisation: string | null; fingerprintSha256: string };
  /** The plaintext README beside the package (not covered by the signature), when there is one. */
  readme: string | null;
  bagInfo: Record<string, string>;
  files: Array<{ path: string; bytes: number; sha256: string }>;
  records: number;
  fields: string[];
  preview: Array<Record<string, string | number | null>>;
  packageSha256: string;
  /** The new vault the records were imported into, when one was asked for. */
  vault: { path: string; imported: number; session: SessionInfo } | null;
}

export interface ReceiptWritten {
  path: string;
  packageSha256: string;
  handoverId: string | null;
}

const certificateInput = z.strictObject({
  file: fileRef('handover-certificate', 'open'),
  password: password.optional(),
});

export const handoverOps = {
  'handover.list': op<HandoverSummary[]>()({
    input: z.strictObject({}),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Every handover of the open vault, with what each still needs',
  }),
  'handover.get': op<HandoverDetail>()({
    input: z.strictObject({ handoverId }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'One handover: recipient, route, agreement, vetting, PIPIA, notices, selection, packages',
  }),
  'handover.create': op<HandoverDetail>()({
    input: z.strictObject({
      recipient: recipientSchema,
      route: z.enum(HANDOVER_ROUTES),
      reasoning: z.string().trim().max(4000).default(''),
      keyMode: z.enum(KEY_MODES),
      certificate: certificateInput.optional(),
      /** The disposition recipient the records name (dispositions TRANSFER); the organisation by default. */
      dispositionLabel: z.string().trim().min(1).max(200).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Start a handover: the recipient (credit code checked), its certificate, the legal route',
  }),
  'handover.update': op<HandoverDetail>()({
    input: z.strictObject({
      handoverId,
      recipient: recipientSchema.optional(),
      route: z.enum(HANDOVER_ROUTES).optional(),
      reasoning: z.string().trim().max(4000).optional(),
      keyMode: z.enum(KEY_MODES).optional(),
      certificate: certificateInput.optional(),
      crossBorder: crossBorderSchema.optional(),
      dispositionLabel: z.string().trim().min(1).max(200).optional(),
      fields: fieldsSchema.optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Change a handover before its package is built (recipient, route, certificate, fields)',
  }),
  'handover.kit': op<HandoverKit>()({
    input: z.strictObject({
      handoverId,
      out: fileRef('handover-output', 'folder'),
      password: password.optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'A recipient kit: key pair + certificate as a password-protected PKCS#12, and its instructions',
  }),
  'handover.agreement': op<AgreementRecord>()({
    input: z.strictObject({
      handoverId,
      terms: agreementTermsSchema,
      signedOn: z.iso.date(),
      file: fileRef('handover-document', 'open').optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Record the signed agreement (its PDF kept encrypted in the vault, SHA-256 recorded)',
  }),
  'handover.vetting': op<VettingRecord[]>()({
    input: z.strictObject({
      handoverId,
      item: z.enum(VETTING_ITEMS),
      done: z.boolean(),
      note: z.string().trim().max(4000).default(''),
      evidence: z.array(fileRef('handover-document', 'open')).max(20).default([]),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Record one vetting item (licence, security, incidents, contact) with hashed evidence files',
  }),
  'handover.pipia': op<PipiaRecord>()({
    input: z.strictObject({
      handoverId,
      answers: pipiaAnswersSchema.optional(),
      /** Owners only: approve the PIPIA as it now stands. */
      approve: z.boolean().default(false),
      out: fileRef('handover-output', 'folder').optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'The PIPIA prefilled from the vault: save answers, approve (owner), write its zh/en PDF',
  }),
  'handover.notices': op<NoticesWritten>()({
    input: z.strictObject({
      handoverId,
      settings: noticeSettingsInputSchema.optional(),
      out: fileRef('handover-output', 'folder'),
      /** PDF letters merged in files of 200, one per customer, or none (the CSV and SMS texts only). */
      letters: z.enum(['merged', 'each', 'none']).default('merged'),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Customer notices: PDF letters (zh/en per customer, or none), mail-merge CSV, SMS texts, announcement',
  }),
  'handover.noticeList': op<{ total: number; rows: NoticeRow[] }>()({
    input: z.strictObject({
      handoverId,
      status: z.enum(NOTICE_STATUSES).optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(500).default(50),
    }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The customers to notify, with language, channel, status and response, page by page',
  }),
  'handover.track': op<{ updated: number }>()({
    input: z.strictObject({
      handoverId,
      recordIds: z.array(z.int().positive()).min(1).max(100_000),
      language: z.enum(NOTICE_LANGUAGES).optional(),
      channel: z.enum(NOTICE_CHANNELS).optional(),
      status: z.enum(NOTICE_STATUSES).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Track notices: a customer's language, channel, and sent / delivered / bounced",
  }),
  'handover.respond': op<ResponseRecorded>()({
    input: z.strictObject({
      handoverId,
      recordId: z.int().positive(),
      kind: z.enum(RESPONSE_KINDS),
      consentType: z.enum(CONSENT_TYPES).optional(),
      receivedOn: z.iso.date().optional(),
      channel: z.enum(NOTICE_CHANNELS).optional(),
      note: z.string().trim().max(2000).default(''),
      evidence: fileRef('handover-document', 'open').optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Record a customer's objection or consent, with its evidence (kept encrypted, hashed)",
  }),
  'handover.selection': op<HandoverSelection>()({
    input: z.strictObject({ handoverId }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Who would travel now: TRANSFER to this recipient − objectors − those missing a consent',
  }),
  'handover.package': op<PackageBuilt>()({
    input: z.strictObject({
      handoverId,
      out: fileRef('handover-package', 'folder'),
      fields: fieldsSchema.optional(),
      /** Owners only: build before the objection deadline, with the written reason (audited). */
      overrideDeadline: z.string().trim().min(10).max(2000).optional(),
      /** The password route: the package password (never stored). */
      password: password.optional(),
      cipher: z.enum(['aes-256-gcm', 'aes-256-cbc']).default('aes-256-gcm'),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Build the package: BagIt bag → tar → CMS SignedData → CMS envelope, with a README beside it',
  }),
  'handover.receiptImport': op<ReceiptImported>()({
    input: z.strictObject({ handoverId, receipt: fileRef('handover-receipt', 'open') }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Verify the recipient's signed receipt over the package digest and close the handover",
  }),
  'handover.open': op<PackageOpened>()({
    input: z.strictObject({
      package: fileRef('handover-package', 'open'),
      /** The sender's company certificate (trust anchor); by default the .sender.pem beside the package. */
      trust: fileRef('handover-certificate', 'open').optional(),
      key: fileRef('handover-key', 'open').optional(),
      /** The certificate of `key`, when the package has several recipients. */
      certificate: fileRef('handover-certificate', 'open').optional(),
      pkcs12: fileRef('handover-key', 'open').optional(),
      password: password.optional(),
      /** Import into this new vault (created here), owned by `owner`. Without it: verify and preview only. */
      to: fileRef('vault', 'save').optional(),
      owner: z
        .strictObject({ name: z.string().trim().min(1).max(100), passphrase: z.string().min(1).max(1024) })
        .optional(),
    }),
    access: 'public',
    job: true,
    writes: true,
    summary: 'Recipient: decrypt, verify the signature and the bag, preview, import into a new vault',
  }),
  'handover.receiptCreate': op<ReceiptWritten>()({
    input: z.strictObject({
      package: fileRef('handover-package', 'open'),
      key: fileRef('handover-key', 'open').optional(),
      certificate: fileRef('handover-certificate', 'open').optional(),
      pkcs12: fileRef('handover-key', 'open').optional(),
      password: password.optional(),
      out: fileRef('handover-receipt', 'save'),
    }),
    access: 'public',
    job: false,
    writes: true,
    summary: 'Recipient: sign a receipt over the package digest (CMS SignedData, openssl-compatible)',
  }),
} as const satisfies Record<string, OpSpec>;
