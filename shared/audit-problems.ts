// The words for each kind of finding of audit.verify and vault.check, in Chinese and English, filled
// from the finding's seq, user and params. The CLI and the window both say them from here.
import type { AuditProblem } from './contract';

type Lang = 'zh-CN' | 'en';

const TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  gap: {
    'zh-CN': '第 {{expected}} 条记录缺失（下一条是第 {{seq}} 条）',
    en: 'entry {{expected}} is missing (the next is {{seq}})',
  },
  link: {
    'zh-CN': '第 {{seq}} 条记录与前一条接不上',
    en: 'entry {{seq}} does not follow from the one before',
  },
  hash: { 'zh-CN': '第 {{seq}} 条记录写入后被改动', en: 'entry {{seq}} was changed after it was written' },
  unreadable: { 'zh-CN': '第 {{seq}} 条记录无法读取', en: 'entry {{seq}} cannot be read' },
  unsigned: {
    'zh-CN': '第 {{seq}} 条记录（{{user}}）没有签名',
    en: 'entry {{seq}} ({{user}}) is not signed',
  },
  'bad-signature': {
    'zh-CN': '第 {{seq}} 条记录（{{user}}）的签名不成立：记录被改动过',
    en: 'entry {{seq}} ({{user}}): the signature does not hold — the entry was changed',
  },
  'signer-unknown': {
    'zh-CN': '第 {{seq}} 条记录（{{user}}）的签名者在保险库中没有证书',
    en: 'entry {{seq}} ({{user}}): its signer has no certificate in the vault',
  },
  'signer-not-company': {
    'zh-CN': '第 {{seq}} 条记录（{{user}}）的签名证书不是公司证书签发的',
    en: "entry {{seq}} ({{user}}): the signer's certificate was not issued by the company CA",
  },
  'signer-wrong-user': {
    'zh-CN': '第 {{seq}} 条记录署名 {{user}}，却由别人的密钥签名',
    en: "entry {{seq}} names {{user}} but is signed by someone else's key",
  },
  'signer-revoked': {
    'zh-CN': '第 {{seq}} 条记录（{{user}}）的签名密钥已于 {{revokedAt}} 吊销',
    en: 'entry {{seq}} ({{user}}): the signing key was revoked on {{revokedAt}}',
  },
  'checkpoint-missing': {
    'zh-CN': '第 {{seq}} 条记录后必须有签名检查点，但没有',
    en: 'entry {{seq}} must be followed by a signed checkpoint; there is none',
  },
  'checkpoint-beyond-chain': {
    'zh-CN': '第 {{seq}} 条的检查点超出了审计链末尾（第 {{head}} 条）：记录被截掉了',
    en: "the checkpoint at entry {{seq}} is past the chain's end ({{head}}): entries were cut",
  },
  'checkpoint-head-mismatch': {
    'zh-CN': '第 {{seq}} 条的检查点签署的是另一条链',
    en: 'the checkpoint at entry {{seq}} signed another chain',
  },
  'checkpoint-unsigned': {
    'zh-CN': '第 {{seq}} 条的检查点没有签名',
    en: 'the checkpoint at entry {{seq}} is not signed',
  },
  'checkpoint-signature': {
    'zh-CN': '第 {{seq}} 条的检查点签名不成立（{{failure}}）',
    en: 'the checkpoint at entry {{seq}}: its signature does not hold ({{failure}})',
  },
  'checkpoint-retired-key': {
    'zh-CN': '第 {{seq}} 条的检查点在升级之后仍由已退役的公司密钥签名（人人可得的密钥）',
    en: 'the checkpoint at entry {{seq}} is signed by the retired company key after the upgrade (a key everyone held)',
  },
  'identity-missing': { 'zh-CN': '保险库中没有公司证书', en: 'the vault has no company certificate' },
  'certificates-missing': { 'zh-CN': '证书表缺失', en: 'the certificates table is missing' },
  'checkpoints-missing': { 'zh-CN': '检查点表缺失', en: 'the checkpoints table is missing' },
  'company-not-pinned': {
    'zh-CN': '公司证书 {{fingerprint}} 不是本机为此保险库记下的那一张（{{pinned}}）',
    en: 'the company certificate {{fingerprint}} is not the one this computer pinned for the vault ({{pinned}})',
  },
  'trigger-missing': {
    'zh-CN': '保护触发器 {{name}} 缺失',
    en: 'the protective trigger {{name}} is missing',
  },
  'trigger-altered': {
    'zh-CN': '保护触发器 {{name}} 被改动',
    en: 'the protective trigger {{name}} was changed',
  },
  rollback: {
    'zh-CN':
      '保险库的审计链止于第 {{vaultSeq}} 条；{{where}}第 {{anchorSeq}} 条（{{at}}）：保险库被回退或截短',
    en: "the vault's chain ends at seq {{vaultSeq}}; {{where}} seq {{anchorSeq}} ({{at}}): the vault was rolled back or cut",
  },
  fork: {
    'zh-CN': '保险库第 {{anchorSeq}} 条与{{where}}记录的不同（{{at}}）：保险库被另一份副本替换',
    en: "the vault's entry {{anchorSeq}} differs from the one {{where}} recorded ({{at}}): another copy was put in its place",
  },
  'legacy-unsigned': {
    'zh-CN': '第 1–{{upTo}} 条记录早于签名机制，只受哈希链和检查点保护',
    en: 'entries 1–{{upTo}} predate signed entries: only the hash chain and the checkpoints cover them',
  },
  'pending-key': {
    'zh-CN': '第 {{seq}} 条记录由 {{user}} 等待认证的密钥签名',
    en: "entry {{seq}} is signed by {{user}}'s key awaiting certification",
  },
  'checkpoint-unsigned-pending': {
    'zh-CN': '第 {{seq}} 条的检查点未签名：其用户的密钥在等待认证',
    en: "the checkpoint at entry {{seq}} is unsigned: its user's key awaits certification",
  },
  'retired-company-key': {
    'zh-CN': '第 {{seq}} 条的检查点由已退役的公司密钥签名（该密钥曾对所有用户可读）',
    en: 'the checkpoint at entry {{seq}} is signed by the retired company key, which every user could read',
  },
  'unsigned-recovery-v1': {
    'zh-CN': '第 {{seq}} 条记录用第 1 版恢复密钥（即保险库密钥，每个用户都持有）做出，无法签名',
    en: 'entry {{seq}} was made with a version 1 recovery key (the vault key, which every user holds) and cannot be signed',
  },
  'checkpoint-unsigned-recovery-v1': {
    'zh-CN': '第 {{seq}} 条的检查点用第 1 版恢复密钥做出，未签名',
    en: 'the checkpoint at entry {{seq}} was made with a version 1 recovery key and is unsigned',
  },
  'identity-pending': {
    'zh-CN': '还没有公司证书：需要所有者用自己的口令解锁一次',
    en: 'no company certificate yet: an owner must unlock once with their passphrase',
  },
};

const WHERE: Record<string, { 'zh-CN': string; en: string }> = {
  registry: { 'zh-CN': '本机登记表曾见到', en: "this computer's registry saw" },
  backup: { 'zh-CN': '备份 {{name}} 制作于', en: 'backup {{name}} was made at' },
};

function fill(template: string, values: Record<string, string | number | null>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? '—'));
}

/** One finding in words, in the given language. */
export function describeProblem(p: AuditProblem, lang: Lang): string {
  const text = TEXT[p.kind];
  const values: Record<string, string | number | null> = {
    seq: p.seq,
    user: p.user ?? (lang === 'zh-CN' ? '恢复密钥' : 'recovery key'),
    ...p.params,
  };
  if (p.kind === 'rollback' || p.kind === 'fork')
    values.where = fill(WHERE[String(p.params.source)]?.[lang] ?? '', values);
  return text ? fill(text[lang], values) : p.detail;
}
