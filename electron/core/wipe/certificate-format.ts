// The facts of a certificate of sanitisation, as its JSON holds them (docs/FORMATS.md §13): the one
// shape the facts, the PDF and the signing share.
import type {
  CloudEntry,
  KeptGroup,
  PaperEntry,
  WipeKind,
  WipePlan,
  WipeVerification,
} from '../../../shared/contract';
import type { PiplTrigger, SanitisationType } from '../../../shared/wipe';

export const CERTIFICATE_FORMAT = 'closeout-sanitisation-certificate';

interface ScopeLine {
  scope: 'records' | 'vault' | 'backups' | 'files' | 'paper' | 'cloud';
  type: SanitisationType | 'log';
  method: string;
  result: string;
}

export interface SanitisationCertificate {
  format: typeof CERTIFICATE_FORMAT;
  version: 1;
  certificateId: string;
  kind: WipeKind;
  issuedAt: string;
  vault: { vaultId: string; clientName: string; creditCode: string | null };
  trigger: { law: 'PIPL Art. 47'; item: number; reason: PiplTrigger };
  performedBy: {
    name: string;
    role: string;
    title: string | null;
    organisation: string;
    location: string | null;
    contact: string | null;
  };
  verifiedBy: { name: string; title: string | null } | null;
  tool: {
    name: 'Closeout';
    version: string;
    sqlite: string;
    sqlcipher: string;
    node: string;
    platform: string;
  };
  sanitisation: ScopeLine[];
  records: {
    destroyed: number;
    mergedWith: number;
    anonymised: number;
    quarantine: number;
    unmerged: number;
    copies: Record<string, number>;
    /** Records left in the vault that are not held (other dispositions, or outside the filter). */
    remaining: number;
    kept: KeptGroup[];
  };
  media: Array<{ folder: string; fileSystem: string; copyOnWrite: boolean | null }>;
  backups: WipePlan['backups'];
  files: WipePlan['files'];
  keyCopies: WipePlan['keyCopies'];
  paper: PaperEntry[];
  cloud: CloudEntry[];
  verification:
    (Omit<WipeVerification, 'checks'> & { method: string; checks: WipeVerification['checks'] }) | null;
  /** The whole-vault wipe: what happens after this certificate is signed, and when it is released. */
  erase: { method: string; steps: string[]; release: string } | null;
  deletionManifest: { file: string; sha256: string };
  /**
   * The whole-vault wipe: the final evidence pack written into the evidence archive before the keys were
   * destroyed (its path and SHA-256), so the proof of the closure outlives the vault; null for a records wipe.
   */
  finalEvidencePack: { file: string; sha256: string } | null;
  /** The audit chain's head before the wipe's last entry (which holds this certificate's SHA-256). */
  auditHead: { seq: number; hash: string };
  warnings: WipePlan['warnings'];
  /** Who signed (the acting user's certificate) and the company CA that issued it (the trust anchor). */
  signer: {
    subject: string;
    fingerprintSha256: string;
    serial: string | null;
    company: { subject: string; fingerprintSha256: string };
  };
  appVersion: string;
}
