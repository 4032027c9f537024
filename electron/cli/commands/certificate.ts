// `closeout certificate verify CERT.json CERT.json.p7s --company-cert COMPANY.pem`: checks a certificate
// Closeout issued (sanitisation, restore drill) without a vault; exit 3 when it is not sound.
import type { CommandDef } from '../command-def';
import { define, t } from '../helpers';

export const certificateCommands: readonly CommandDef[] = [
  define({
    path: ['certificate', 'verify'],
    op: 'certificate.verify',
    args: ['<json>', '<signature>'],
    description:
      "check a certificate's signature and its chain to the company certificate; exit 3 if not sound / 核验证明",
    configure: (c) => c.requiredOption('--company-cert <pem>', "the company's certificate (PEM)"),
    input: (args, o) => ({
      json: { path: args[0] },
      signature: { path: args[1] },
      companyCertificate: { path: String(o.companyCert) },
    }),
    human: (r, lang) =>
      [
        r.ok
          ? t(lang, '✔ 证明完好', '✔ the certificate is sound')
          : t(lang, `✘ 证明有问题：${r.failure}`, `✘ not sound: ${r.failure}`),
        r.detail,
        r.certificateId ? `${r.format} ${r.certificateId} ${r.issuedAt ?? ''} ${r.clientName ?? ''}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
];
