// `closeout handover open` and `closeout handover receipt create`: the recipient's side, which needs no
// vault of its own until it imports one. The key, the kit (PKCS#12) or the package password open the
// package; the new vault's owner passphrase comes from --passphrase-file or CLOSEOUT_PASSPHRASE.
import type { OpInput } from '../../../shared/contract';
import type { CommandDef } from '../command-def';
import { define, str, t } from '../helpers';
import { readPassphrase, readSecretFile } from '../passphrase';

const credentials = (o: Record<string, unknown>) => ({
  ...(str(o.key) ? { key: { path: String(o.key) } } : {}),
  ...(str(o.cert) ? { certificate: { path: String(o.cert) } } : {}),
  ...(str(o.pkcs12) ? { pkcs12: { path: String(o.pkcs12) } } : {}),
  ...(str(o.passwordFile) ? { password: readSecretFile(String(o.passwordFile)) } : {}),
});

export const handoverRecipientCommands: readonly CommandDef[] = [
  define({
    path: ['handover', 'open'],
    op: 'handover.open',
    args: ['<package>'],
    description:
      'recipient: decrypt, verify the signature and the bag, preview; with --to import into a new vault / 打开移交包',
    configure: (c) =>
      c
        .option('--key <file>', 'your private key (PEM)')
        .option('--cert <file>', 'your certificate (PEM), when the package has several recipients')
        .option('--pkcs12 <file>', 'your recipient kit (.p12)')
        .option('--password-file <file>', 'the kit password, or the package password (password route)')
        .option(
          '--trust <file>',
          "the sender's company certificate (default: the .sender.pem beside the package)",
        )
        .option('--to <file>', 'import the records into this new vault')
        .option('--owner <name>', "the new vault's owner", 'owner')
        .option('--passphrase-file <file>', "the new vault's owner passphrase (or CLOSEOUT_PASSPHRASE)"),
    input: (args, o, env) =>
      ({
        package: { path: args[0] },
        ...credentials(o),
        ...(str(o.trust) ? { trust: { path: String(o.trust) } } : {}),
        ...(str(o.to)
          ? {
              to: { path: String(o.to) },
              owner: {
                name: String(o.owner),
                passphrase: readPassphrase({ passphraseFile: str(o.passphraseFile) }, env),
              },
            }
          : {}),
      }) as OpInput<'handover.open'>,
    human: (r, lang) =>
      [
        `${t(lang, '✔ 签名与数据包核验通过', '✔ signature and bag verified')}: ${r.signer.subject}  SHA-256 ${r.signer.fingerprintSha256}`,
        t(lang, '请与发送方电话核对上面的指纹', 'compare the fingerprint above with the sender by phone'),
        `${t(lang, '记录', 'records')} ${r.records}; ${t(lang, '字段', 'fields')} ${r.fields.join(', ')}`,
        `SHA-256 ${r.packageSha256}`,
        r.vault
          ? t(
              lang,
              `已导入新保险库 ${r.vault.path}：${r.vault.imported} 条`,
              `imported into ${r.vault.path}: ${r.vault.imported} records`,
            )
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  define({
    path: ['handover', 'receipt', 'create'],
    op: 'handover.receiptCreate',
    args: ['<package>'],
    description: 'recipient: sign a receipt over the package digest / 签署接收回执',
    configure: (c) =>
      c
        .option('--key <file>', 'your private key (PEM)')
        .option('--cert <file>', 'your certificate (PEM)')
        .option('--pkcs12 <file>', 'your recipient kit (.p12) instead of --key and --cert')
        .option('--password-file <file>', 'the kit password')
        .requiredOption('--out <file>', 'the receipt to write (.p7s)'),
    input: (args, o) => ({ package: { path: args[0] }, ...credentials(o), out: { path: String(o.out) } }),
    human: (r) => [r.path, `SHA-256 ${r.packageSha256}`].join('\n'),
  }),
];
