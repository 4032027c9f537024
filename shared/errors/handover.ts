// Error codes of handover.*, in both languages: what went wrong and where, never a key, a password or a
// customer value.
import type { ErrorEntry } from './entry';

export const handoverErrors = {
  HANDOVER_NOT_FOUND: {
    'zh-CN': '本保险库中没有移交 {{handoverId}}',
    en: 'No handover {{handoverId}} in this vault',
  },
  HANDOVER_CLOSED: {
    'zh-CN': '移交 {{handoverId}} 已{{state}}，不能再修改；未做任何更改',
    en: 'The handover {{handoverId}} is {{state}} and can no longer change; nothing was changed',
  },
  HANDOVER_RECIPIENT_INVALID: {
    'zh-CN': '接收方信息有误：{{detail}}；未做任何更改',
    en: 'The recipient is not valid: {{detail}}; nothing was changed',
  },
  HANDOVER_ROUTE_INVALID: {
    'zh-CN': '移交路径有误：{{detail}}；未做任何更改',
    en: 'The handover route does not fit: {{detail}}; nothing was changed',
  },
  HANDOVER_CERTIFICATE_INVALID: {
    'zh-CN': '接收方证书不可用（{{detail}}）；未做任何更改',
    en: "The recipient's certificate cannot be used ({{detail}}); nothing was changed",
  },
  HANDOVER_NOT_READY: {
    'zh-CN': '还不能生成移交包：{{missing}}；未写入任何文件',
    en: 'The package cannot be built yet: {{missing}}; nothing was written',
  },
  HANDOVER_DEADLINE_NOT_PASSED: {
    'zh-CN': '异议期至 {{deadline}} 才结束；期满前生成须由负责人书面说明理由；未写入任何文件',
    en: "The objection period runs until {{deadline}}; building earlier needs an owner's written reason. Nothing was written",
  },
  HANDOVER_PIPIA_NOT_APPROVED: {
    'zh-CN': '个人信息保护影响评估尚未由负责人批准（或批准后内容已变化）；未写入任何文件',
    en: 'The PIPIA has not been approved by an owner (or changed since it was); nothing was written',
  },
  HANDOVER_SELECTION_EMPTY: {
    'zh-CN': '没有可移交的记录（处置为移交给 {{recipient}}、未提出异议且具备所需同意的记录为 0 条）',
    en: 'No records may travel (0 records are TRANSFER to {{recipient}} without an objection and with the consent they need)',
  },
  HANDOVER_OBJECTOR_SELECTED: {
    'zh-CN': '选择中含有提出异议的客户（记录 {{recordId}}），已中止；未写入任何文件',
    en: 'An objecting customer (record {{recordId}}) was in the selection; stopped, nothing was written',
  },
  HANDOVER_RECORD_NOT_DESTINED: {
    'zh-CN': '记录 {{recordId}} 的处置不是移交给该接收方；未做任何更改',
    en: 'Record {{recordId}} is not to be transferred to this recipient; nothing was changed',
  },
  HANDOVER_PASSWORD_NEEDED: {
    'zh-CN': '密码方式的移交包需要一个密码（至少 8 个字符）；未写入任何文件',
    en: 'A password-route package needs a password (8 characters or more); nothing was written',
  },
  PACKAGE_UNREADABLE: {
    'zh-CN': '移交包 {{path}} 无法打开：{{detail}}；未导入任何内容',
    en: 'The package {{path}} cannot be opened: {{detail}}; nothing was imported',
  },
  PACKAGE_WRONG_KEY: {
    'zh-CN': '所给的私钥或密码打不开移交包 {{path}}（密钥或密码不对，或移交包已损坏）；未导入任何内容',
    en: 'The key or password given does not open the package {{path}} (the wrong key or password, or a damaged package); nothing was imported',
  },
  PACKAGE_TAMPERED: {
    'zh-CN': '移交包 {{path}} 已被改动或损坏（{{detail}}）；已丢弃解密内容，未导入任何内容',
    en: 'The package {{path}} was altered or damaged ({{detail}}); the decrypted content was discarded, nothing was imported',
  },
  PACKAGE_SIGNATURE_INVALID: {
    'zh-CN': '移交包 {{path}} 的签名未通过核验（{{detail}}）；未导入任何内容',
    en: 'The signature of the package {{path}} does not verify ({{detail}}); nothing was imported',
  },
  PACKAGE_TRUST_NEEDED: {
    'zh-CN': '核验移交包需要发送方公司的证书（与移交包同名的 .sender.pem，或指定证书文件）',
    en: "Verifying the package needs the sending company's certificate (the .sender.pem beside it, or a file you name)",
  },
  BAG_INVALID: {
    'zh-CN': '移交包内的数据包不合格：{{detail}}（{{where}}）；已丢弃，未导入任何内容',
    en: 'The bag inside the package is not valid: {{detail}} ({{where}}); discarded, nothing was imported',
  },
  RECEIPT_INVALID: {
    'zh-CN': '回执 {{path}} 无效：{{detail}}；移交未关闭',
    en: 'The receipt {{path}} is not valid: {{detail}}; the handover stays open',
  },
  RECEIPT_WRONG_PACKAGE: {
    'zh-CN': '回执签收的是另一个移交包（SHA-256 {{sha256}}）；移交未关闭',
    en: 'The receipt is for another package (SHA-256 {{sha256}}); the handover stays open',
  },
  RECEIPT_SIGNER_MISMATCH: {
    'zh-CN': '回执的签名证书不是接收方的证书（{{detail}}）；移交未关闭',
    en: "The receipt is not signed with the recipient's certificate ({{detail}}); the handover stays open",
  },
} as const satisfies Record<string, ErrorEntry>;
