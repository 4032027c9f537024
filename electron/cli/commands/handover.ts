// `closeout handover …` on the sending side: create a handover, make a recipient kit, record the
// agreement, write and approve the PIPIA, write the notices, record responses, build the package, import
// the receipt, list. Secrets (a PKCS#12 or package password) come from --password-file only.
import type { HandoverDetail, HandoverSummary, OpInput } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { HANDOVER_FIELDS, type HandoverField } from '../../../shared/handover';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, readJson, str, t } from '../helpers';
import { readSecretFile } from '../passphrase';
import { handoverRecipientCommands } from './handover-recipient';

const password = (o: Record<string, unknown>) =>
  str(o.passwordFile) ? readSecretFile(String(o.passwordFile)) : undefined;

function fieldsOption(text: string | undefined): HandoverField[] | undefined {
  if (text === undefined) return undefined;
  const fields = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.filter((f) => !(HANDOVER_FIELDS as readonly string[]).includes(f));
  if (unknown.length || fields.length === 0)
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--fields: ${unknown.join(', ') || 'none given'}; known: ${HANDOVER_FIELDS.join(', ')}` },
      2,
    );
  return fields as HandoverField[];
}

const humanDetail = (d: HandoverDetail, lang: Lang) =>
  [
    `${d.handoverId}  ${d.recipient.organisation} (${d.recipient.country})  ${d.route}  ${d.state}`,
    d.certificate
      ? `${t(lang, '证书指纹', 'certificate fingerprint')} SHA-256 ${d.certificate.fingerprintSha256}  ${t(lang, '有效至', 'valid until')} ${d.certificate.notAfter.slice(0, 10)}`
      : '',
    `${t(lang, '将移交', 'would travel')}: ${d.selection.selected} / ${d.selection.destined}  (${t(lang, '异议', 'objectors')} ${d.selection.objectors}, ${t(lang, '缺少同意', 'missing consent')} ${d.selection.missingConsent})`,
    d.progress.blockers.length
      ? `${t(lang, '尚缺', 'still needed')}: ${d.progress.blockers.join(', ')}`
      : t(lang, '可以生成移交包', 'ready to package'),
  ]
    .filter(Boolean)
    .join('\n');

const humanList = (rows: HandoverSummary[], lang: Lang) =>
  rows.length === 0
    ? t(lang, '还没有移交。', 'No handovers yet.')
    : rows
        .map((h) =>
          [
            h.handoverId,
            h.state,
            h.organisation,
            h.route,
            h.deadline ?? '-',
            h.progress.blockers.join(',') || 'ready',
          ].join('\t'),
        )
        .join('\n');

const AGREED = {
  confidentiality: true,
  securityMeasures: true,
  noFurtherTransfer: true,
  deletionOnRequest: true,
} as const;
const AS_SIGNED = '见所附已签署协议 / as in the signed agreement attached';

export const handoverCommands: readonly CommandDef[] = [
  define({
    path: ['handover', 'create'],
    op: 'handover.create',
    vault: true,
    description: 'start a handover to a recipient (its certificate, or a kit, or a password) / 新建移交',
    configure: (c) =>
      c
        .requiredOption('--recipient-name <name>', "the recipient organisation's name")
        .option('--credit-code <code>', 'its unified social credit code (required in mainland China)')
        .option('--country <cc>', 'ISO 3166-1 alpha-2 country of the recipient', 'CN')
        .requiredOption('--route <route>', 'succession | provision | cross-border')
        .option('--reasoning <text>', 'why this route (recorded)')
        .option('--contact-person <name>', 'who at the recipient customers may contact')
        .option('--contact <text>', "the recipient's phone or e-mail for customers")
        .option('--address <text>', "the recipient's address")
        .option(
          '--recipient-cert <file>',
          "the recipient's X.509 certificate (PEM, DER, or a PKCS#12's public part)",
        )
        .option('--password-file <file>', 'the password of a PKCS#12 given as --recipient-cert')
        .option('--password-route', 'no certificate: the package will be locked with a password')
        .option(
          '--disposition-label <text>',
          'the recipient name the records carry (default: --recipient-name)',
        ),
    input: (_a, o) => {
      const route = String(o.route) as OpInput<'handover.create'>['route'];
      const certificate = str(o.recipientCert);
      return {
        recipient: {
          organisation: String(o.recipientName),
          creditCode: str(o.creditCode) ?? null,
          contactPerson: str(o.contactPerson) ?? '',
          contact: str(o.contact) ?? '',
          address: str(o.address) ?? '',
          country: String(o.country),
        },
        route,
        reasoning: str(o.reasoning) ?? '',
        keyMode: certificate ? 'certificate' : o.passwordRoute ? 'password' : 'kit',
        ...(certificate ? { certificate: { file: { path: certificate }, password: password(o) } } : {}),
        ...(str(o.dispositionLabel) ? { dispositionLabel: String(o.dispositionLabel) } : {}),
      };
    },
    human: humanDetail,
  }),
  define({
    path: ['handover', 'show'],
    op: 'handover.get',
    vault: true,
    args: ['<handover>'],
    description: 'one handover: recipient, route, what is done, who would travel / 查看移交',
    input: (args) => ({ handoverId: args[0] }),
    human: humanDetail,
  }),
  define({
    path: ['handover', 'list'],
    op: 'handover.list',
    vault: true,
    description: "the vault's handovers and what each still needs / 移交列表",
    input: () => ({}),
    human: humanList,
  }),
  define({
    path: ['handover', 'kit'],
    op: 'handover.kit',
    vault: true,
    args: ['<handover>'],
    description:
      'a recipient kit: key + certificate as a password-protected PKCS#12, and its instructions / 生成接收方密钥包',
    configure: (c) =>
      c
        .requiredOption('--out <dir>', 'the folder for the kit')
        .option('--password-file <file>', 'the kit password (default: one is chosen and printed once)'),
    input: (args, o) => ({ handoverId: args[0], out: { path: String(o.out) }, password: password(o) }),
    human: (r, lang) =>
      [
        r.p12,
        r.certificate,
        r.instructions,
        `SHA-256 ${r.fingerprintSha256}`,
        r.generatedPassword
          ? `${t(lang, '密钥包密码（只显示这一次，请另行告知接收方）', 'kit password (shown once; give it to the recipient separately)')}: ${r.generatedPassword}`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  define({
    path: ['handover', 'agreement'],
    op: 'handover.agreement',
    vault: true,
    args: ['<handover>'],
    description: 'record the signed agreement (its PDF kept encrypted in the vault) / 登记移交协议',
    configure: (c) =>
      c
        .option('--file <pdf>', 'the signed agreement')
        .requiredOption('--signed-on <date>', 'YYYY-MM-DD')
        .option(
          '--terms <json>',
          'purposes, scope, retention, note (a JSON file); otherwise "as in the signed agreement"',
        ),
    input: (args, o) => {
      const terms = str(o.terms) ? (readJson(String(o.terms), '--terms') as Record<string, unknown>) : {};
      if (!str(o.terms) && !str(o.file))
        throw CliError.of(
          'INVALID_INPUT',
          { detail: 'give the signed agreement (--file) or its terms (--terms)' },
          2,
        );
      return {
        handoverId: args[0],
        terms: {
          purposes: AS_SIGNED,
          scope: AS_SIGNED,
          retention: AS_SIGNED,
          undertakings: AGREED,
          ...terms,
        },
        signedOn: String(o.signedOn),
        ...(str(o.file) ? { file: { path: String(o.file) } } : {}),
      } as OpInput<'handover.agreement'>;
    },
    human: (r) =>
      [r.signedOn, r.file ? `${r.file.name}  SHA-256 ${r.file.sha256}` : ''].filter(Boolean).join('\n'),
  }),
  define({
    path: ['handover', 'pipia'],
    op: 'handover.pipia',
    vault: true,
    args: ['<handover>'],
    description:
      'the PIPIA, prefilled: save answers (--answers), approve (owners), write its PDF / 个人信息保护影响评估',
    configure: (c) =>
      c
        .option('--answers <json>', 'necessity, risks, measures, conclusion, custodian (a JSON file)')
        .option('--approve', 'approve it as it stands (owners only)')
        .option('--out <dir>', 'write the zh/en PDF into this folder'),
    input: (args, o) => ({
      handoverId: args[0],
      ...(str(o.answers) ? { answers: readJson(String(o.answers), '--answers') as never } : {}),
      approve: o.approve === true,
      ...(str(o.out) ? { out: { path: String(o.out) } } : {}),
    }),
    human: (r, lang) =>
      [
        `${t(lang, '记录', 'records')} ${r.facts.selection.selected}; ${t(lang, '字段', 'fields')} ${r.facts.fields.join(', ')}`,
        r.approvedAt
          ? `${t(lang, '已批准', 'approved')} ${r.approvedBy} ${r.approvedAt}${r.stale ? t(lang, '（已过期，须重新批准）', ' (stale: approve again)') : ''}`
          : t(lang, '尚未批准', 'not approved yet'),
        r.files?.pdf ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  define({
    path: ['handover', 'notices'],
    op: 'handover.notices',
    vault: true,
    args: ['<handover>'],
    description:
      'customer notices: letters PDF (or none), mail-merge CSV, SMS CSV, announcement / 生成客户告知',
    configure: (c) =>
      c
        .requiredOption('--out <dir>', 'the folder for the notices')
        .option('--deadline <date>', 'the last day to object (YYYY-MM-DD); needed the first time')
        .option('--reason <text>', "why the data moves (default: the vault's closure reason)")
        .option(
          '--contact-after <text>',
          "who answers customers after the closure (default: the vault's contact)",
        )
        .option('--each', 'one PDF per customer instead of merged files')
        .option('--no-letters', 'no PDF letters: the mail-merge CSV, SMS texts and announcement only'),
    input: (args, o) => ({
      handoverId: args[0],
      out: { path: String(o.out) },
      letters: o.letters === false ? 'none' : o.each ? 'each' : 'merged',
      ...(str(o.deadline)
        ? {
            settings: {
              deadline: String(o.deadline),
              ...(str(o.reason) ? { reason: String(o.reason) } : {}),
              ...(str(o.contactAfter) ? { afterClosureContact: String(o.contactAfter) } : {}),
            },
          }
        : {}),
    }),
    human: (r, lang) =>
      [
        r.dir,
        `${t(lang, '客户', 'customers')} ${r.customers}; ${t(lang, '信函文件', 'letter files')} ${r.letters.length}; SMS ${r.smsParts}`,
      ].join('\n'),
  }),
  define({
    path: ['handover', 'respond'],
    op: 'handover.respond',
    vault: true,
    args: ['<handover>'],
    description: "record a customer's objection or consent, with evidence / 登记客户异议或同意",
    configure: (c) =>
      c
        .requiredOption('--record <id>', 'the record')
        .option('--objects', 'the customer objects')
        .option('--consents', 'the customer consents (separately)')
        .option('--guardian', "the consent is a guardian's (a child under 14)")
        .option('--evidence <file>', 'a letter, an e-mail, a recording…')
        .option('--received-on <date>', 'YYYY-MM-DD (default: today)')
        .option('--note <text>', 'a note'),
    input: (args, o) => {
      if (Boolean(o.objects) === Boolean(o.consents))
        throw CliError.of('INVALID_INPUT', { detail: 'give exactly one of --objects and --consents' }, 2);
      return {
        handoverId: args[0],
        recordId: Number(o.record),
        kind: o.objects ? 'objection' : 'consent',
        ...(o.consents ? { consentType: o.guardian ? 'guardian' : 'separate' } : {}),
        ...(str(o.evidence) ? { evidence: { path: String(o.evidence) } } : {}),
        ...(str(o.receivedOn) ? { receivedOn: String(o.receivedOn) } : {}),
        note: str(o.note) ?? '',
      } as OpInput<'handover.respond'>;
    },
    human: (r, lang) =>
      `${r.kind} #${r.recordId}; ${t(lang, '将移交', 'would travel')} ${r.selection.selected} / ${r.selection.destined}`,
  }),
  define({
    path: ['handover', 'package'],
    op: 'handover.package',
    vault: true,
    args: ['<handover>'],
    description: 'build the signed, encrypted package and its README / 生成移交包',
    configure: (c) =>
      c
        .requiredOption('--out <dir>', 'the folder for the package')
        .option(
          '--fields <list>',
          `fields that travel, as the PIPIA lists them (${HANDOVER_FIELDS.join(',')})`,
        )
        .option(
          '--override-deadline <reason>',
          'owners: build before the objection deadline, for this written reason',
        )
        .option('--password-file <file>', 'the package password (password route)')
        .option('--cbc', 'AES-256-CBC EnvelopedData instead of AES-256-GCM (for OpenSSL older than 3.0)'),
    input: (args, o) => ({
      handoverId: args[0],
      out: { path: String(o.out) },
      ...(fieldsOption(str(o.fields)) ? { fields: fieldsOption(str(o.fields)) } : {}),
      ...(str(o.overrideDeadline) ? { overrideDeadline: String(o.overrideDeadline) } : {}),
      password: password(o),
      cipher: o.cbc ? 'aes-256-cbc' : 'aes-256-gcm',
    }),
    human: (r, lang) =>
      [r.path, r.readme, `${t(lang, '记录', 'records')} ${r.records}  SHA-256 ${r.sha256}`].join('\n'),
  }),
  define({
    path: ['handover', 'receipt', 'import'],
    op: 'handover.receiptImport',
    vault: true,
    args: ['<handover>', '<receipt>'],
    description: "verify the recipient's signed receipt and close the handover / 导入接收回执",
    input: (args) => ({ handoverId: args[0], receipt: { path: args[1] } }),
    human: (r, lang) =>
      [
        t(lang, `移交已完成：${r.records} 条记录已移交`, `handover closed: ${r.records} records TRANSFERRED`),
        `${t(lang, '签收方', 'signed by')} ${r.signer.subject}  SHA-256 ${r.signer.fingerprintSha256}`,
        t(lang, '可以在销毁向导中销毁这些记录', 'the wipe wizard can now destroy these records'),
      ].join('\n'),
  }),
  ...handoverRecipientCommands,
];
