// people.writeUndertaking: the confidentiality undertaking a person of the closure signs, Chinese and
// English, filled with the company, the person and their duty.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DUTY_TEXT } from '../../../shared/compliance/labels';
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime, writeDocument } from '../documents/write-document';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { findPerson } from './people';

const PROMISES: ReadonlyArray<readonly [string, string]> = [
  [
    '仅为完成本公司善后工作所需处理客户个人信息，不用于任何其他目的。',
    "I will process customers' personal information only as the company's closure requires, and for no other purpose.",
  ],
  [
    '不向任何未经授权的人披露、提供或出售客户个人信息，不私自复制、截屏、拍照或带走。',
    'I will not disclose, provide or sell it to anyone not authorised, nor copy, screenshot, photograph or take it away.',
  ],
  [
    '妥善保管口令、密钥和存储介质；发现丢失、泄露或可能泄露时立即报告。',
    'I will keep passphrases, keys and media safe, and report at once any loss, leak or suspected leak.',
  ],
  [
    '职责结束时交还全部资料和介质，不保留任何副本。',
    'When my duty ends I will return every record and medium and keep no copy.',
  ],
  [
    '本承诺在职责结束和公司注销后继续有效。',
    'This undertaking continues after my duty ends and after the company is deregistered.',
  ],
];

export async function writeUndertaking(
  vault: OpenVault,
  input: { id: string; out: Parameters<typeof pathOf>[0] },
  now = new Date(),
): Promise<{ path: string }> {
  const person = findPerson(vault, input.id);
  const meta = readMeta(vault.db);
  const file = pathOf(input.out);
  if (existsSync(file)) throw new EngineError('FILE_EXISTS', { path: basename(file) });
  const pdf = new DocumentBuilder({
    title: `保密承诺书 Confidentiality undertaking — ${person.name}`,
    subject: `Closeout vault ${vault.vaultId}`,
    keywords: 'Closeout, confidentiality undertaking',
    createdAt: now,
    appVersion: pkg.version,
    runningHeader: { left: `保密承诺书 Confidentiality undertaking  ·  ${meta.clientName}` },
  });
  pdf.title('保密承诺书', 'Confidentiality undertaking');
  pdf.keyValueTable([
    { label: '公司', labelEn: 'Company', value: meta.clientName },
    { label: '统一社会信用代码', labelEn: 'Unified social credit code', value: meta.creditCode ?? '—' },
    { label: '承诺人', labelEn: 'Person', value: person.name },
    { label: '单位', labelEn: 'Organisation', value: person.organisation ?? '—' },
    {
      label: '善后职责',
      labelEn: 'Duty in the closure',
      value: `${DUTY_TEXT[person.duty]['zh-CN']} ${DUTY_TEXT[person.duty].en}`,
    },
  ]);
  pdf.bilingual(
    `本人在 ${meta.clientName} 的善后工作中接触客户个人信息，依据《个人信息保护法》第五十一条、《数据安全法》第二十七条，承诺：`,
    `In the closure of ${meta.clientName} I have access to customers' personal information. Under PIPL Art. 51 and DSL Art. 27, I undertake that:`,
    { gap: 8 },
  );
  PROMISES.forEach(([zh, en], i) => pdf.bilingual(`${i + 1}. ${zh}`, `${i + 1}. ${en}`, { gap: 6 }));
  pdf.space(20);
  pdf.signatureLine([
    { label: '签名', labelEn: 'Signature', share: 2 },
    { label: '日期', labelEn: 'Date', share: 1 },
  ]);
  pdf.paragraph(`${formatDateTime(now)} · Closeout ${pkg.version}`, { muted: true, size: 7.5 });
  const bytes = await pdf.finish();
  try {
    writeDocument(file, bytes);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  vault.audit({ op: 'people.writeUndertaking', params: { id: person.id }, outcome: 'ok' });
  return { path: file };
}
