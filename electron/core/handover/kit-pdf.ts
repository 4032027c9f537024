// The one-page instructions that go with a recipient kit (Chinese and English): what the kit is, how the
// password arrives, the fingerprint to compare by phone, and how to use the kit with Closeout or openssl.
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';

export interface KitFacts {
  client: string;
  recipient: string;
  p12: string;
  certificate: string;
  fingerprint: string;
  notAfter: string;
}

export async function renderKitInstructions(f: KitFacts, at: Date): Promise<Buffer> {
  const pdf = new DocumentBuilder({
    title: `接收方密钥包说明 Recipient kit — ${f.recipient}`,
    subject: 'Closeout handover recipient kit',
    keywords: 'Closeout, handover, recipient kit, PKCS#12',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: { left: `接收方密钥包 Recipient kit  ·  ${f.recipient}` },
  });
  pdf.title('接收方密钥包说明', 'Recipient kit');
  pdf.bilingual(
    `${f.client} 将向 ${f.recipient} 移交客户信息。移交包只能用本密钥包中的私钥打开。`,
    `${f.client} is handing customer information over to ${f.recipient}. The package opens only with the private key in this kit.`,
    { gap: 10 },
  );
  pdf.keyValueTable([
    { label: '密钥包文件', labelEn: 'Kit file (PKCS#12)', value: f.p12 },
    { label: '证书文件', labelEn: 'Certificate', value: f.certificate },
    { label: '证书指纹 SHA-256', labelEn: 'Fingerprint SHA-256', value: f.fingerprint },
    { label: '有效期至', labelEn: 'Valid until', value: f.notAfter },
  ]);
  pdf.notice(
    '密码另行告知 · The password comes separately',
    '密钥包的密码不写在本说明中，将通过电话或当面另行告知。请把密钥包和密码分开保管，移交完成后可删除密钥包。',
    'The password is not in this sheet: it is given by phone or in person. Keep the kit and the password apart; delete the kit once the handover is done.',
  );
  pdf.heading('核对指纹', 'Check the fingerprint');
  pdf.bilingual(
    '收到后请通过电话与发送方逐组核对上面的 SHA-256 指纹：',
    'When it arrives, read the SHA-256 fingerprint above to the sender by phone, group by group:',
  );
  pdf.code(`openssl x509 -in ${f.certificate} -noout -fingerprint -sha256`);
  pdf.heading('用 Closeout 打开移交包', 'Open the package with Closeout');
  pdf.code(
    `closeout handover open PACKAGE.p7m --pkcs12 ${f.p12} --password-file PASSWORD.txt --to received.cvault`,
  );
  pdf.heading('只用 OpenSSL', 'With OpenSSL only');
  pdf.code(`openssl pkcs12 -in ${f.p12} -nocerts -nodes -out recipient.key`);
  pdf.code(`openssl pkcs12 -in ${f.p12} -nokeys -clcerts -out recipient.pem`);
  pdf.bilingual(
    '然后按移交包旁的 README 操作：先解密，再核验签名，核验通过后才使用其中的数据。',
    'Then follow the README beside the package: decrypt, then verify the signature, and use the data only once it verifies.',
  );
  return pdf.finish();
}
