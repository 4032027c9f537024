// The plaintext README written beside a package (Chinese, then English): what the package is, its
// SHA-256, the sender's certificate fingerprint, and the exact openssl commands to decrypt, verify FIRST,
// unpack and check it, then sign the receipt. It names no customer and holds no secret.
import type { KeyMode } from '../../../shared/handover';

export interface ReadmeFacts {
  client: string;
  recipient: string;
  handoverId: string;
  packageFile: string;
  senderFile: string;
  sha256: string;
  bytes: number;
  records: number;
  senderFingerprint: string;
  keyMode: KeyMode;
  cipher: 'aes-256-cbc' | 'aes-256-gcm';
  createdAt: string;
}

export function receiptJson(
  f: Pick<ReadmeFacts, 'handoverId' | 'packageFile' | 'sha256'> & { records: number | null },
): string {
  return (
    JSON.stringify(
      {
        format: 'closeout-handover-receipt',
        version: 1,
        handoverId: f.handoverId,
        package: f.packageFile,
        packageSha256: f.sha256,
        records: f.records,
      },
      null,
      2,
    ) + '\n'
  );
}

/** Password-route recipients have no key: they make one to sign the receipt. */
const makeKey = (f: ReadmeFacts): string[] =>
  f.keyMode === 'password'
    ? [
        `   openssl req -x509 -newkey rsa:3072 -nodes -keyout recipient.key -out recipient.pem -days 3650 -subj "/O=${f.recipient.replace(/["/\\]/g, ' ')}"`,
      ]
    : [];

function decryptCommand(f: ReadmeFacts): string {
  return f.keyMode === 'password'
    ? `openssl cms -decrypt -binary -inform DER -in ${f.packageFile} -pwri_password 'THE-PASSWORD' -out signed.der`
    : `openssl cms -decrypt -binary -inform DER -in ${f.packageFile} -recip recipient.pem -inkey recipient.key -out signed.der`;
}

export function readmeText(f: ReadmeFacts): string {
  const verify = `openssl cms -verify -binary -inform DER -in signed.der -CAfile ${f.senderFile} -out bag.tar`;
  const unpack = 'mkdir bag && tar -xf bag.tar -C bag && cd bag && sha256sum -c manifest-sha256.txt';
  const sign =
    'openssl cms -sign -binary -nodetach -in receipt.json -signer recipient.pem -inkey recipient.key -outform DER -out receipt.p7s';
  const gcm = f.cipher === 'aes-256-gcm';
  return [
    `Closeout 客户信息移交包 / Customer information handover package`,
    '',
    `移交方 From:        ${f.client}`,
    `接收方 To:          ${f.recipient}`,
    `移交编号 Handover:  ${f.handoverId}`,
    `文件 File:          ${f.packageFile} (${f.bytes} bytes)`,
    `SHA-256:            ${f.sha256}`,
    `记录 Records:       ${f.records}`,
    `发送方证书 Sender certificate: ${f.senderFile}`,
    `  SHA-256 指纹 fingerprint: ${f.senderFingerprint}`,
    `生成 Created:       ${f.createdAt}`,
    '',
    '== 中文 ==',
    '',
    '本移交包已用接收方的证书（或约定的密码）加密，并由发送方公司签名。内含 BagIt 数据包：data/customers.csv',
    '（UTF-8 带 BOM，可用 Excel 打开）、data/customers.jsonl、data/schema.json、告知与异议摘要、协议摘要。',
    '',
    '0. 核对：sha256sum 的结果应与上面的 SHA-256 相同；发送方证书的指纹须通过电话与发送方核对：',
    `   sha256sum ${f.packageFile}`,
    `   openssl x509 -in ${f.senderFile} -noout -fingerprint -sha256`,
    '1. 解密（PKCS#12 密钥包请先用 openssl pkcs12 导出 recipient.key 与 recipient.pem）：',
    `   ${decryptCommand(f)}`,
    '2. 先核验签名，再使用任何内容：',
    `   ${verify}`,
    '   注意：openssl cms -decrypt 在报告错误之前就已写出明文；任何一步以非 0 退出（例如签名不符时退出码 4），',
    '   请立即删除 signed.der、bag.tar 与 bag 文件夹，不要打开其中的文件，并联系发送方。',
    ...(gcm ? ['   本包使用 AES-256-GCM（AuthEnvelopedData），需要 OpenSSL 3.0 或更新版本。'] : []),
    '3. 解包并逐个文件核对（每行都应显示 OK）：',
    `   ${unpack}`,
    '4. 签署回执：把下面的内容原样保存为 receipt.json，用接收方的私钥签名，把 receipt.p7s 交回发送方：',
    ...makeKey(f),
    `   ${sign}`,
    '   （也可以用 Closeout：closeout handover receipt create 移交包 --key recipient.key --cert recipient.pem --out receipt.p7s）',
    '',
    '== English ==',
    '',
    "This package is encrypted to the recipient's certificate (or an agreed password) and signed by the sending",
    'company. Inside is a BagIt bag: data/customers.csv (UTF-8 with BOM, opens in Excel), data/customers.jsonl,',
    'data/schema.json, summaries of notices and objections, and the agreement.',
    '',
    "0. Check: sha256sum must print the SHA-256 above; read the sender certificate's fingerprint to the sender by phone:",
    `   sha256sum ${f.packageFile}`,
    `   openssl x509 -in ${f.senderFile} -noout -fingerprint -sha256`,
    '1. Decrypt (from a PKCS#12 kit, first export recipient.key and recipient.pem with openssl pkcs12):',
    `   ${decryptCommand(f)}`,
    '2. Verify the signature FIRST, before using anything:',
    `   ${verify}`,
    '   Beware: openssl cms -decrypt writes the plaintext before it reports an error. If any step exits non-zero',
    '   (a bad signature exits 4), delete signed.der, bag.tar and the bag folder at once, open none of it, and',
    '   call the sender.',
    ...(gcm ? ['   This package uses AES-256-GCM (AuthEnvelopedData): OpenSSL 3.0 or later is needed.'] : []),
    '3. Unpack and check every file (each line must say OK):',
    `   ${unpack}`,
    "4. Sign the receipt: save the text below exactly as receipt.json, sign it with the recipient's key, and send",
    '   receipt.p7s back to the sender:',
    ...makeKey(f),
    `   ${sign}`,
    '   (or with Closeout: closeout handover receipt create PACKAGE --key recipient.key --cert recipient.pem --out receipt.p7s)',
    '',
    '== receipt.json ==',
    '',
    receiptJson(f),
  ].join('\n');
}
