// Error codes of vault.*: files, keys, unlocking, the registry and the company certificate, in both languages.
import type { ErrorEntry } from './entry';

export const vaultErrors = {
  REGISTRY_CORRUPT: {
    'zh-CN': '保险库登记表 {{path}} 已损坏：{{reason}}',
    en: 'The vault registry {{path}} is damaged: {{reason}}',
  },
  VAULT_EXISTS: {
    'zh-CN': '{{path}} 已存在，不会覆盖；请换一个文件名',
    en: '{{path}} already exists and will not be overwritten; choose another name',
  },
  VAULT_NOT_FOUND: {
    'zh-CN': '找不到保险库文件 {{path}}',
    en: 'The vault file {{path}} was not found',
  },
  VAULT_NOT_REGISTERED: {
    'zh-CN': '登记表中没有保险库 {{vaultId}}',
    en: 'No vault {{vaultId}} in the registry',
  },
  NOT_A_VAULT: {
    'zh-CN': '{{path}} 不是 Closeout 保险库（{{reason}}）',
    en: '{{path}} is not a Closeout vault ({{reason}})',
  },
  VAULT_DAMAGED: {
    'zh-CN': '保险库文件 {{path}} 已损坏或被截断（{{reason}}）；文件未被改动，请从备份恢复',
    en: 'The vault file {{path}} is damaged or truncated ({{reason}}); it was not changed — restore it from a backup',
  },
  VAULT_TOO_NEW: {
    'zh-CN':
      '此保险库由更新版本的 Closeout 创建（结构版本 {{found}}，本程序支持到 {{supported}}），请升级 Closeout',
    en: 'This vault was made by a newer Closeout (schema {{found}}; this version knows up to {{supported}}); upgrade Closeout',
  },
  KEYRING_MISSING: {
    'zh-CN': '找不到密钥环文件 {{path}}；可以用恢复密钥打开保险库',
    en: 'The keyring {{path}} is missing; the vault can still be opened with its recovery key',
  },
  KEYRING_CORRUPT: {
    'zh-CN': '密钥环文件 {{path}} 已损坏：{{reason}}；可以用恢复密钥打开保险库',
    en: 'The keyring {{path}} is damaged: {{reason}}; the vault can still be opened with its recovery key',
  },
  KEYRING_MISMATCH: {
    'zh-CN': '密钥环 {{path}} 属于另一个保险库',
    en: 'The keyring {{path}} belongs to another vault',
  },
  WRONG_PASSPHRASE: {
    'zh-CN': '用户名或口令不正确；保险库未被改动',
    en: 'Wrong user name or passphrase; the vault was not changed',
  },
  WRONG_RECOVERY_KEY: {
    'zh-CN': '恢复密钥与此保险库不匹配；保险库未被改动',
    en: 'That recovery key does not belong to this vault; the vault was not changed',
  },
  RECOVERY_KEY_MALFORMED: {
    'zh-CN': '恢复密钥输入有误（第 {{group}} 组）；应为 13 组、每组 5 个字符',
    en: 'The recovery key is mistyped (group {{group}}); it has 13 groups of 5 characters',
  },
  UNLOCK_THROTTLED: {
    'zh-CN': '尝试次数过多，请 {{seconds}} 秒后再试',
    en: 'Too many attempts; try again in {{seconds}} s',
  },
  PASSPHRASE_TOO_WEAK: {
    'zh-CN': '口令太弱：{{reason}}',
    en: 'The passphrase is too weak: {{reason}}',
  },
  CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码 {{code}} 无效（{{problem}}）',
    en: 'The unified social credit code {{code}} is not valid ({{problem}})',
  },
  PKCS12_INVALID: {
    'zh-CN': '无法读取 PKCS#12 文件：{{reason}}',
    en: 'Cannot read the PKCS#12 file: {{reason}}',
  },
  RECOVERY_KEY_NEEDED: {
    'zh-CN': '恢复密钥不保存在任何地方：请输入它，才能打印恢复密钥单',
    en: 'The recovery key is not kept anywhere: type it in to print its sheet',
  },
  COMPANY_KEY_NEEDED: {
    'zh-CN': '此操作需要公司密钥：请所有者用自己的口令（或第 2 版恢复密钥）解锁后再试',
    en: 'This needs the company key: an owner must unlock with their own passphrase (or a version 2 recovery key)',
  },
  REKEY_IN_PROGRESS: {
    'zh-CN': '另一个进程正在为保险库 {{path}} 更换密钥；请等它完成',
    en: 'Another process is changing the keys of the vault {{path}}; wait for it to finish',
  },
  SIGNING_KEY_PENDING: {
    'zh-CN': '您的签名密钥还在等待所有者认证，暂时不能签署文件；请所有者在“用户与角色”中认证它',
    en: "Your signing key is still awaiting an owner's certification, so you cannot sign files yet; ask an owner to certify it under Users & roles",
  },
  IDENTITY_MISSING: {
    'zh-CN': '此保险库还没有公司证书',
    en: 'This vault has no company certificate yet',
  },
} as const satisfies Record<string, ErrorEntry>;
