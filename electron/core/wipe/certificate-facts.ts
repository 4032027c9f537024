// Gathers what every certificate of sanitisation says about the vault, the people, the tool and the
// logs from the open vault and the wipe's journal; each kind of wipe adds its own scopes.
import { dirname } from 'node:path';
import type { OpParsedInput } from '../../../shared/contract';
import { PIPL_TRIGGER_ITEM, type PiplTrigger } from '../../../shared/wipe';
import pkg from '../../../package.json';
import { auditHead } from '../vault/audit';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import type { SessionSigner } from '../vault/signer';
import { signerSummary } from './certificate';
import { CERTIFICATE_FORMAT, type SanitisationCertificate } from './certificate-format';
import type { Journal } from './journal';
import { cloudEntries, paperEntries } from './logs';
import { fileSystemOf } from '../util/wipe-file';

/** The options every wipe call shares, as the journal keeps them. */
type CertificateOptions = Pick<OpParsedInput<'wipe.records'>, 'trigger' | 'signatory' | 'verifier'>;

/** What the final evidence pack step journals (wipe-vault.ts). */
export interface FinalEvidence {
  file: string;
  sha256: string;
}

type Common = Omit<
  SanitisationCertificate,
  | 'sanitisation'
  | 'records'
  | 'backups'
  | 'files'
  | 'keyCopies'
  | 'verification'
  | 'erase'
  | 'warnings'
  | 'deletionManifest'
>;

export function commonFacts(vault: OpenVault, journal: Journal, signer: SessionSigner, now: Date): Common {
  const meta = readMeta(vault.db);
  const options = journal.begin.options as CertificateOptions;
  const reason: PiplTrigger = options.trigger ?? 'ceased-business';
  const versions = vault.db.prepare('SELECT sqlite_version() AS sqlite').get() as { sqlite: string };
  const cipher = (vault.db.pragma('cipher_version') as Array<Record<string, string>>)[0];
  const folders = new Set([
    dirname(vault.file),
    ...journal.begin.plan.files.filter((f) => f.action === 'overwrite').map((f) => dirname(f.path)),
    ...journal.begin.plan.backups.filter((b) => b.action === 'overwrite').map((b) => dirname(b.path)),
  ]);
  return {
    format: CERTIFICATE_FORMAT,
    version: 1,
    certificateId: journal.begin.wipeId,
    kind: journal.begin.kind,
    issuedAt: now.toISOString(),
    vault: { vaultId: vault.vaultId, clientName: meta.clientName, creditCode: meta.creditCode },
    trigger: { law: 'PIPL Art. 47', item: PIPL_TRIGGER_ITEM[reason], reason },
    performedBy: {
      name: vault.actor.userName,
      role: vault.actor.role,
      title: options.signatory?.title ?? null,
      organisation: meta.clientName,
      location: options.signatory?.location ?? null,
      contact: options.signatory?.contact ?? meta.contact,
    },
    verifiedBy: options.verifier
      ? { name: options.verifier.name, title: options.verifier.title ?? null }
      : null,
    tool: {
      name: 'Closeout',
      version: pkg.version,
      sqlite: versions.sqlite,
      sqlcipher: cipher ? String(Object.values(cipher)[0]) : 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    media: [...folders].map((folder) => {
      const fs = fileSystemOf(`${folder}/.`);
      return { folder, fileSystem: fs.type, copyOnWrite: fs.copyOnWrite };
    }),
    finalEvidencePack: (journal.detail('final-evidence') as FinalEvidence | undefined) ?? null,
    paper: paperEntries(vault.db),
    cloud: cloudEntries(vault.db),
    auditHead: auditHead(vault.db),
    signer: signerSummary(signer),
    appVersion: pkg.version,
  };
}
