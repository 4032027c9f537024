// evidence.*: the evidence pack for the auditor — one BagIt bag (the compliance report, PIPIA/DPIA, ROPA,
// retention schedule, risk register, people and training, backups and drills, the audit chain with every
// checkpoint…) as a tar, CMS-signed, optionally encrypted to the auditor's certificate — and checking one.
import { z } from 'zod';
import { fileRef, op, type OpSpec } from './op';

export interface EvidencePack {
  path: string;
  /** The copy kept in the evidence archive (data folder), or null when not archived. */
  archived: string | null;
  sha256: string;
  size: number;
  encrypted: boolean;
  bag: string;
  files: number;
  payloadBytes: number;
  keepUntil: string;
  signer: { subject: string; fingerprintSha256: string };
  /** The owner asked for the record list (names and dispositions): the pack then holds personal data. */
  includesPersonalData: boolean;
}

export interface EvidenceProblem {
  /** The file inside the bag (e.g. data/ropa/ropa.json), or (signature) / (structure) / (envelope). */
  file: string;
  problem: 'changed' | 'missing' | 'unlisted' | 'signature' | 'structure' | 'untrusted' | 'envelope';
  detail: string;
}

export interface EvidenceVerification {
  ok: boolean;
  path: string;
  encrypted: boolean;
  signer: {
    subject: string;
    fingerprintSha256: string;
    signingTime: string | null;
    /** given: checked against the certificate the caller gave; pack: only against the one inside the pack. */
    pinnedTo: 'given' | 'pack' | null;
  } | null;
  bag: {
    name: string;
    files: number;
    vaultId: string | null;
    clientName: string | null;
    keepUntil: string | null;
  } | null;
  problems: EvidenceProblem[];
}

export const evidenceOps = {
  'evidence.pack': op<EvidencePack>()({
    input: z.strictObject({
      dir: fileRef('evidence-pack', 'folder'),
      encryptTo: fileRef('recipient-certificate', 'open').optional(),
      includeRecordList: z.boolean().default(false),
      archive: z.boolean().default(true),
    }),
    access: ['owner', 'auditor'],
    job: true,
    writes: true,
    summary:
      'Build the evidence pack: a BagIt bag, tarred, CMS-signed, optionally encrypted to a certificate',
  }),
  'evidence.verify': op<EvidenceVerification>()({
    input: z.strictObject({
      pack: fileRef('evidence-pack', 'open'),
      companyCertificate: fileRef('certificate', 'open').optional(),
      key: fileRef('certificate', 'open').optional(),
      certificate: fileRef('certificate', 'open').optional(),
    }),
    access: 'public',
    job: true,
    writes: false,
    summary: 'Check an evidence pack: envelope, signature, tar and every file of the bag; names what changed',
  }),
} as const satisfies Record<string, OpSpec>;
