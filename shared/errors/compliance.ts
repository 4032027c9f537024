// Error codes of the compliance centre (plan.*, compliance.*, assessments.*, ropa.*, people.*, risks.*,
// evidence.*), in both languages.
import type { ErrorEntry } from './entry';

export const complianceErrors = {
  PLAN_NOT_READY: {
    'zh-CN': '还不能认证善后完成：{{blockers}}；未做任何更改',
    en: 'The closure cannot be certified yet: {{blockers}}; nothing was changed',
  },
  PLAN_STEP_EVALUATED: {
    'zh-CN': '步骤“{{step}}”由保险库中的证据判定，不能手工确认',
    en: 'The step “{{step}}” is decided from the vault’s own evidence and cannot be confirmed by hand',
  },
  PLAN_CERTIFIED: {
    'zh-CN': '该善后已于 {{at}} 认证完成，不能再更改',
    en: 'This closure was certified on {{at}} and can no longer be changed',
  },
  CHECKLIST_ITEM_UNKNOWN: {
    'zh-CN': '没有检查项 {{itemId}}',
    en: 'There is no checklist item {{itemId}}',
  },
  CHECKLIST_ITEM_EVALUATED: {
    'zh-CN': '检查项 {{itemId}} 已由保险库中的证据判定（{{status}}），不能手工回答',
    en: 'The checklist item {{itemId}} is decided from the vault’s own evidence ({{status}}) and cannot be answered by hand',
  },
  EVIDENCE_FILE_TOO_LARGE: {
    'zh-CN': '证明文件 {{path}} 有 {{size}}，超过 {{limit}} 的上限；未做任何更改',
    en: 'The evidence file {{path}} is {{size}}, over the {{limit}} limit; nothing was changed',
  },
  ASSESSMENT_INCOMPLETE: {
    'zh-CN': '评估还有未填写的部分（{{missing}}），不能批准',
    en: 'The assessment still has empty sections ({{missing}}) and cannot be approved',
  },
  ASSESSMENT_NOT_DRAFT: {
    'zh-CN': '没有待批准的评估草稿：请先保存',
    en: 'There is no draft of the assessment to approve: save it first',
  },
  PERSON_NOT_FOUND: {
    'zh-CN': '善后人员名单中没有 {{id}}',
    en: 'No one with id {{id}} is among the people of the closure',
  },
  RISK_NOT_FOUND: {
    'zh-CN': '风险登记册中没有风险 {{id}}',
    en: 'There is no risk {{id}} in the register',
  },
  CERTIFICATE_UNREADABLE: {
    'zh-CN': '{{path}} 不是可用的 X.509 证书（{{reason}}）；未写入任何文件',
    en: '{{path}} is not a usable X.509 certificate ({{reason}}); nothing was written',
  },
  NOT_AN_EVIDENCE_PACK: {
    'zh-CN': '{{path}} 不是 Closeout 证据包（{{reason}}）',
    en: '{{path}} is not a Closeout evidence pack ({{reason}})',
  },
  EVIDENCE_KEY_NEEDED: {
    'zh-CN': '证据包 {{path}} 已加密：请提供收件人的私钥（--key）',
    en: 'The evidence pack {{path}} is encrypted: give the recipient’s private key (--key)',
  },
} as const satisfies Record<string, ErrorEntry>;
