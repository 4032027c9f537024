// The recovery sheet: the recovery key on paper, in Chinese and English, with everything a person needs
// to open the vault later, with Closeout or with openssl and any SQLCipher 4 client and no Closeout at
// all, and the company certificate's fingerprint to recognise the vault's own signatures by.
import { checkRecoveryKey, decodeVersionedRecoveryKey } from '../../../shared/recovery-key';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime, writeDocument } from '../documents/write-document';

export interface RecoverySheetInfo {
  clientName: string;
  creditCode: string | null;
  vaultId: string;
  vaultFileName: string;
  /** As shared/recovery-key.ts encodes it: 13 groups of 5 characters joined by '-'. */
  recoveryKey: string;
  createdAt: Date;
  appVersion: string;
  /** SHA-256 of the company CA certificate, as openssl prints it; null when the vault has none yet. */
  companyFingerprint: string | null;
}

const QR_SIZE = 122;
const QR_GAP = 24;

export async function renderRecoverySheet(info: RecoverySheetInfo): Promise<Buffer> {
  // Paper is the last copy: refuse to print a key that fails its own checks or is not in canonical form.
  if (
    !/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/.test(info.recoveryKey) ||
    checkRecoveryKey(info.recoveryKey) !== null
  )
    throw new RangeError(
      'renderRecoverySheet: not a canonical recovery key (13 checked groups of 5, dashes)',
    );
  const groups = info.recoveryKey.split('-');
  const v2 = decodeVersionedRecoveryKey(info.recoveryKey).version === 2;

  const pdf = new DocumentBuilder({
    title: `恢复密钥 Recovery key — ${info.clientName}`,
    subject: `Closeout vault ${info.vaultId}`,
    keywords: 'Closeout, recovery key, SQLCipher',
    createdAt: info.createdAt,
    appVersion: info.appVersion,
    runningHeader: { left: `恢复密钥 Recovery key  ·  ${info.clientName}`, right: '机密 · CONFIDENTIAL' },
  });

  // Page 1: what the sheet is, whose vault, the key, who keeps it. Page 2: how to use it.
  pdf.title('恢复密钥', 'Recovery key');

  pdf.notice(
    '持有本页的人即可打开保险库  ·  Anyone holding this sheet can open the vault',
    '本页上的恢复密钥不需要任何口令就能解密保险库中的全部客户信息。请离线保管：放入保险柜或密封信封。' +
      '切勿拍照、扫描或复印，也不要通过电子邮件或聊天软件发送。',
    'The recovery key on this sheet decrypts every customer record in the vault without any passphrase. ' +
      'Keep it offline, in a safe or a sealed envelope. Never photograph, scan or copy it, and never send it ' +
      'by email or chat.',
  );

  pdf.heading('保险库', 'Vault');
  const tableTop = pdf.y;
  const beside = { x: pdf.left, width: pdf.width - QR_SIZE - QR_GAP };
  pdf.keyValueTable(
    [
      { label: '客户公司', labelEn: 'Client company', value: info.clientName },
      {
        label: '统一社会信用代码',
        labelEn: 'Unified social credit code',
        value: info.creditCode ?? '—（未填写 / not given）',
      },
      { label: '保险库文件', labelEn: 'Vault file', value: info.vaultFileName },
      { label: '保险库编号', labelEn: 'Vault ID', value: info.vaultId },
      { label: '创建时间', labelEn: 'Created', value: formatDateTime(info.createdAt) },
      {
        label: '公司证书 SHA-256',
        labelEn: 'Company certificate SHA-256',
        value: info.companyFingerprint ?? '—',
      },
    ],
    { region: beside, labelWidth: 128 },
  );
  const qr = { x: pdf.left + pdf.width - QR_SIZE, y: tableTop, size: QR_SIZE };
  await pdf.qrCode(info.recoveryKey, qr);
  const afterTable = pdf.y;
  pdf.y = qr.y + QR_SIZE + 6;
  pdf.paragraph('恢复密钥二维码', {
    region: { x: qr.x, width: QR_SIZE },
    size: 7.5,
    gap: 0,
    align: 'center',
  });
  pdf.paragraph('The recovery key as a QR code', {
    region: { x: qr.x, width: QR_SIZE },
    size: 7,
    gap: 0,
    muted: true,
    align: 'center',
  });
  pdf.y = Math.max(pdf.y + 10, afterTable);

  pdf.heading('恢复密钥', 'Recovery key  ·  13 组 × 5 个字符  ·  13 groups of 5 characters');
  pdf.space(2).codeGroups(groups, { perRow: 5, size: 20 });
  pdf
    .space(2)
    .paragraph('使用方法见第 2 页  ·  How to use the key: see page 2', { size: 8.5, muted: true, gap: 14 });

  pdf.heading('保管', 'Custody');
  pdf.space(2).signatureLine([
    { label: '保管人（签名）', labelEn: 'Stored by (signature)', share: 1.5 },
    { label: '日期', labelEn: 'Date', share: 1 },
  ]);
  pdf
    .space(6)
    .bilingual(
      '销毁保险库时，请同时销毁本页（用碎纸机），不要留存任何副本。',
      'When the vault is destroyed, destroy this sheet as well (shred it) and keep no copy.',
      { gap: 0 },
    );

  // Instructions on a page of their own, unless a long name already pushed page 1 over.
  if (pdf.pageCount === 1) pdf.newPage();
  else pdf.space(8);
  pdf.heading('如何使用恢复密钥', 'How to use the recovery key');
  pdf.subheading('1  在 Closeout 中', 'In Closeout');
  pdf.bilingual(
    '在解锁界面选择“使用恢复密钥”，输入第 1 页上的 13 组字符。字符为 0–9 和 A–Z（不含 I、L、O、U），' +
      '大小写和短横线可忽略。每组第 5 个字符是校验字符，输错时 Closeout 会指出是哪一组。',
    'On the unlock screen choose "Use recovery key" and type the 13 groups from page 1. The characters are ' +
      '0–9 and A–Z without I, L, O and U; case and dashes do not matter. The 5th character of each group is a ' +
      'check character, so Closeout catches a typing mistake and names its group.',
    { gap: 8 },
  );
  pdf.subheading('2  不使用 Closeout', 'Without Closeout');
  pdf.bilingual(
    '保险库文件是标准的 SQLCipher 4 数据库。任何 SQLCipher 4 客户端执行下面这一条语句即可打开，' +
      '其中 <64 位十六进制> 是由恢复密钥得到的 32 字节数据库密钥：',
    'The vault file is a standard SQLCipher 4 database. Any SQLCipher 4 client opens it with this one ' +
      'statement, where <64 hex digits> is the 32-byte database key the recovery key gives:',
    { gap: 5 },
  );
  pdf.code(`PRAGMA key = "x'<64 位十六进制 / 64 hex digits>'";`);
  pdf
    .space(2)
    .bilingual(
      '得到数据库密钥：在任意一台装有 Closeout 的电脑上运行下面的命令，它会打印这 64 位十六进制：',
      'To get the database key, run this command on any computer with Closeout; it prints the 64 hex digits:',
      { gap: 5 },
    );
  pdf.code('closeout recovery-key decode');
  pdf.space(2);
  pdf.bilingual(
    '手工解码：去掉短横线和每组第 5 个（校验）字符，把剩下的 52 个字符按 Crockford base32' +
      '（字母表 0123456789ABCDEFGHJKMNPQRSTVWXYZ，每个字符 5 位）解码为 260 位；前 256 位为 32 字节 R，' +
      (v2
        ? '最后 4 位为 0010（第 2 版）。再用 openssl 由 R 导出数据库密钥（去掉输出中的冒号）：'
        : '最后 4 位为 0000：R 就是数据库密钥。'),
    'By hand: drop the dashes and the 5th (check) character of each group, and decode the remaining 52 characters ' +
      'as Crockford base32 (alphabet 0123456789ABCDEFGHJKMNPQRSTVWXYZ, 5 bits each) into 260 bits; the first 256 ' +
      'bits are the 32 bytes R and the last 4 bits ' +
      (v2
        ? 'are 0010 (version 2). Then derive the database key from R with openssl (drop the colons it prints):'
        : 'are 0000: R is the database key.'),
    { gap: v2 ? 5 : 10 },
  );
  if (v2) {
    pdf.code(
      'openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:<R> -kdfopt info:closeout-vault-key/v2 HKDF',
    );
    pdf.space(2);
  }
  pdf.paragraph(
    '保险库使用 SQLCipher 4 的默认设置，不需要另外设置；密钥错误时，第一次读取数据会提示“file is not a database”：',
    { gap: 1 },
  );
  pdf.paragraph(
    'The vault uses the SQLCipher 4 defaults; nothing else needs to be set. A wrong key shows only at the first read, as "file is not a database":',
    {
      size: 8.5,
      muted: true,
      gap: 6,
    },
  );
  // As a block of PRAGMA values rather than a table: a long company name must not push the sheet to a
  // third page.
  pdf.code(
    [
      'cipher_page_size = 4096;  cipher_hmac_algorithm = HMAC_SHA512;',
      'cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;  cipher_plaintext_header_size = 0;',
      'kdf_iter = 256000 (使用原始密钥时不执行 / not used with a raw key)',
    ].join('\n'),
  );
  return pdf.finish();
}

/** Renders the sheet and writes it atomically, owner-only: the file holds the vault key. */
export async function writeRecoverySheet(file: string, info: RecoverySheetInfo): Promise<void> {
  writeDocument(file, await renderRecoverySheet(info), 0o600);
}
