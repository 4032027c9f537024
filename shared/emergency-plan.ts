// The emergency plan's template, in Chinese and in English: contacts, roles, and the steps per kind of
// incident (PIPL Art. 51(5) and 57; GB/T 35273 10.1; GDPR Arts. 33–34; Cal. Civ. Code 1798.82). The team
// edits its copy; the template is only where it starts.
import type { EmergencyPlan } from './contract';
import { DEFAULT_DRILL_PERIOD_MONTHS, type IncidentKind } from './incidents';

type Lang = EmergencyPlan['language'];
type Text = Readonly<Record<Lang, string>>;
const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

const CONTACTS: ReadonlyArray<Readonly<{ role: Text }>> = [
  { role: t('应急负责人', 'Incident lead') },
  { role: t('个人信息保护负责人', 'Personal information protection officer') },
  { role: t('技术支持', 'IT support') },
  { role: t('法律顾问', 'Legal adviser') },
  { role: t('网信部门（属地）', 'Cyberspace administration (local office)') },
  { role: t('公安机关（网安）', 'Police (cyber security unit)') },
];

const ROLES: ReadonlyArray<Readonly<{ role: Text; duty: Text }>> = [
  {
    role: t('应急负责人', 'Incident lead'),
    duty: t(
      '启动预案，召集小组，决定是否通知监管部门和个人，并记录理由。',
      'Starts the plan, gathers the team, decides whether to notify the authority and the people affected, and records why.',
    ),
  },
  {
    role: t('个人信息保护负责人', 'Personal information protection officer'),
    duty: t(
      '评估受影响的个人信息和人数，起草通知，跟踪期限（PIPL 立即、GDPR 72 小时、加州 30 日）。',
      'Assesses the data and people affected, drafts the notices, watches the deadlines (PIPL immediately, GDPR 72 hours, California 30 days).',
    ),
  },
  {
    role: t('技术支持', 'IT support'),
    duty: t(
      '控制和止损：隔离设备、更换口令和密钥、保全日志和证据（计算哈希值并记录时间）。',
      'Contains the damage: isolates devices, changes passphrases and keys, preserves logs and evidence (hash and time).',
    ),
  },
];

const STEPS: Readonly<Record<IncidentKind, readonly Text[]>> = {
  'lost-device': [
    t(
      '确认丢失的设备、时间和地点；报警并保留回执。',
      'Establish which device, when and where; report it to the police and keep the receipt.',
    ),
    t(
      '确认设备上的保险库是否加密、口令是否随设备一起丢失；如有可能，远程锁定或擦除。',
      'Check whether the vault on it was encrypted and whether the passphrase went with it; lock or wipe it remotely if possible.',
    ),
    t(
      '更换该设备上用户的口令，必要时轮换保险库密钥。',
      'Change the passphrases of its users and rotate the vault keys if needed.',
    ),
  ],
  'lost-backup': [
    t(
      '在备份列表中找到丢失的备份，登记事件：受影响记录按其清单计算。',
      'Find the lost backup in the backup list and register the incident: the records affected are counted from its manifest.',
    ),
    t(
      '确认恢复密钥或口令是否一起丢失；如是，轮换保险库密钥。',
      'Check whether the recovery key or a passphrase went with it; if so, rotate the vault keys.',
    ),
    t('制作新的备份并验证。', 'Make a new backup and verify it.'),
  ],
  'wrong-recipient': [
    t(
      '立即联系错误的接收方，要求删除并书面确认；不要再次发送。',
      'Contact the wrong recipient at once, ask for deletion and written confirmation; do not send again.',
    ),
    t(
      '登记事件：受影响记录按所发移交包的选择计算。',
      'Register the incident: the records affected are those the package carried.',
    ),
    t(
      '检查移交包是否加密、密钥是否另行发送。',
      'Check that the package was encrypted and that its key travelled separately.',
    ),
  ],
  'unauthorised-access': [
    t(
      '停用相关账号，更换口令，检查审计日志中的访问和导出。',
      'Disable the accounts involved, change passphrases, check the audit log for access and exports.',
    ),
    t(
      '保全日志和证据；确定访问的数据范围。',
      'Preserve logs and evidence; establish which data was reached.',
    ),
  ],
  malware: [
    t(
      '断开网络，隔离受感染的计算机；不要在其上解锁保险库。',
      'Disconnect the network and isolate the infected computer; do not unlock the vault on it.',
    ),
    t('在干净的计算机上从已验证的备份恢复。', 'Restore from a verified backup on a clean computer.'),
  ],
  damage: [
    t(
      '评估损坏的设备或介质；从已验证的备份恢复并运行演练。',
      'Assess the damaged device or medium; restore from a verified backup and run a drill.',
    ),
  ],
  other: [
    t(
      '记录经过，评估影响，按负责人的决定处理。',
      'Record what happened, assess the impact, act on the lead’s decision.',
    ),
  ],
};

/** The template in one language. */
export function planTemplate(language: Lang): EmergencyPlan {
  return {
    language,
    contacts: CONTACTS.map((c) => ({ role: c.role[language], name: '', contact: '' })),
    roles: ROLES.map((r) => ({ role: r.role[language], duty: r.duty[language] })),
    steps: Object.fromEntries(
      Object.entries(STEPS).map(([kind, steps]) => [kind, steps.map((s) => s[language])]),
    ) as EmergencyPlan['steps'],
    drillPeriodMonths: DEFAULT_DRILL_PERIOD_MONTHS,
    updatedAt: null,
    updatedBy: null,
  };
}

/** What the team edits and saves: the plan without who saved it when. */
export type EditablePlan = Omit<EmergencyPlan, 'updatedAt' | 'updatedBy'>;

export function editablePlan(plan: EmergencyPlan): EditablePlan {
  return {
    language: plan.language,
    contacts: plan.contacts,
    roles: plan.roles,
    steps: plan.steps,
    drillPeriodMonths: plan.drillPeriodMonths,
  };
}
