// `closeout evidence pack FILE --out DIR` and `closeout evidence verify PACK`: the auditor's evidence
// pack, and checking one (exit 3 when it is not sound, naming what changed).
import type { EvidenceVerification } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import type { CommandDef } from '../command-def';
import { define, str, t } from '../helpers';

function humanVerification(r: EvidenceVerification, lang: Lang): string {
  return [
    r.bag ? `${r.bag.name}  ${r.bag.clientName ?? ''}  ${t(lang, '文件', 'files')} ${r.bag.files}` : '',
    r.signer
      ? `${t(lang, '签名者', 'signer')}: ${r.signer.subject}  SHA-256 ${r.signer.fingerprintSha256}` +
        (r.signer.pinnedTo === 'pack'
          ? t(
              lang,
              '（只对照了包内的证书：请与公司证书核对指纹）',
              ' (checked only against the certificate inside: compare the fingerprint with the company’s)',
            )
          : '')
      : '',
    ...r.problems.map((p) => `✘ ${p.file}: ${p.problem} — ${p.detail}`),
    r.ok
      ? t(lang, '✔ 证据包完好', '✔ the evidence pack is sound')
      : t(lang, '✘ 证据包有问题', '✘ the evidence pack is not sound'),
  ]
    .filter(Boolean)
    .join('\n');
}

export const evidenceCommands: readonly CommandDef[] = [
  define({
    path: ['evidence', 'pack'],
    op: 'evidence.pack',
    vault: true,
    description: 'build the evidence pack for the auditor: a BagIt bag, tarred, CMS-signed (DER) / 证据包',
    configure: (c) =>
      c
        .requiredOption('--out <dir>', 'the folder to write the pack into')
        .option('--encrypt-to <cert.pem>', "encrypt it to the auditor's X.509 certificate (RSA)")
        .option('--include-record-list', "also the records' names and dispositions (personal data!)")
        .option('--no-archive', "do not keep a copy in the data folder's evidence archive"),
    input: (_a, o) => ({
      dir: { path: String(o.out) },
      encryptTo: str(o.encryptTo) ? { path: String(o.encryptTo) } : undefined,
      includeRecordList: o.includeRecordList === true,
      archive: o.archive !== false,
    }),
    human: (r, lang) =>
      [
        r.path,
        `${r.size} bytes  SHA-256 ${r.sha256}`,
        `${t(lang, '保存至', 'keep until')} ${r.keepUntil}${r.archived ? `  ${t(lang, '归档', 'archived')}: ${r.archived}` : ''}`,
        r.encrypted ? t(lang, '已加密给收件人证书', 'encrypted to the recipient certificate') : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  define({
    path: ['evidence', 'verify'],
    op: 'evidence.verify',
    args: ['<pack>'],
    description:
      'check an evidence pack: envelope, signature, tar, every file of the bag; exit 3 if not sound / 核验证据包',
    configure: (c) =>
      c
        .option('--company-cert <cert.pem>', "the company's certificate to check the signature against")
        .option('--key <key.pem>', "the recipient's private key, for an encrypted pack")
        .option('--cert <cert.pem>', "the recipient's certificate (with --key)"),
    input: (args, o) => ({
      pack: { path: args[0] },
      companyCertificate: str(o.companyCert) ? { path: String(o.companyCert) } : undefined,
      key: str(o.key) ? { path: String(o.key) } : undefined,
      certificate: str(o.cert) ? { path: String(o.cert) } : undefined,
    }),
    human: humanVerification,
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
];
