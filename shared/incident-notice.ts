// The notification drafts of a security incident, in Chinese and in English, prefilled from the register:
// to the authority (PIPL Art. 57 and GDPR Art. 33(3): what happened, the data and the approximate numbers
// of people and records, the likely consequences, the measures, a contact) and to the individuals (Cal.
// Civ. Code 1798.82(d)'s title and five headings, which also cover PIPL Art. 57 and GDPR Art. 34(2)). The
// engine writes them as a PDF; the window shows the same text before anything is sent.
import type { EmergencyPlan, IncidentEntry } from './contract';
import { CUSTOMER_FIELDS, type CustomerField } from './customer/columns';
import { FIELD_SPECS } from './customer/fields';
import { planTemplate } from './emergency-plan';
import type { IncidentKind, IncidentRegime, NoticeAudience } from './incidents';

type Lang = 'zh-CN' | 'en';

/** Each kind of incident in Chinese and in English: the register, the drafts, the plan and the window. */
export const INCIDENT_KIND_NAMES: Readonly<Record<IncidentKind, readonly [string, string]>> = {
  'lost-device': ['设备丢失', 'Loss of a device'],
  'lost-backup': ['备份盘丢失', 'Loss of a backup disk'],
  'wrong-recipient': ['误发给错误的接收方', 'Sent to the wrong recipient'],
  'unauthorised-access': ['未经授权的访问', 'Unauthorised access'],
  malware: ['恶意软件', 'Malware'],
  damage: ['损坏', 'Damage'],
  other: ['其他', 'Other'],
};

/** The kinds' names in one language, for the window's text. */
export const incidentKindNames = (lang: Lang): Record<IncidentKind, string> =>
  Object.fromEntries(
    Object.entries(INCIDENT_KIND_NAMES).map(([k, [zh, en]]) => [k, lang === 'zh-CN' ? zh : en]),
  ) as Record<IncidentKind, string>;

const AUTHORITY: Readonly<Record<IncidentRegime, readonly [string, string]>> = {
  pipl: ['履行个人信息保护职责的部门', 'the authority that protects personal information (PIPL Art. 57)'],
  gdpr: ['数据保护监管机构', 'the supervisory authority (GDPR Art. 33)'],
  ccpa: ['加州总检察长', 'the California Attorney General (Cal. Civ. Code 1798.82(f))'],
};

interface NoticeSection {
  heading: string;
  body: string;
}

export interface NoticeDraft {
  title: string;
  sections: NoticeSection[];
}

const pick = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

function fieldNames(fields: readonly string[], lang: Lang): string {
  const known = new Set<string>(CUSTOMER_FIELDS);
  // A handover package's `extra`: the source's columns no field took.
  const names = fields.map((f) =>
    known.has(f)
      ? FIELD_SPECS[f as CustomerField].exportAs[lang === 'zh-CN' ? 'zh' : 'en']
      : f === 'extra'
        ? pick(lang, '其他列', 'other columns')
        : f,
  );
  return names.length ? names.join(pick(lang, '、', ', ')) : pick(lang, '（待确认）', '(to be established)');
}

function whatHappened(e: IncidentEntry, lang: Lang): string {
  const [zh, en] = INCIDENT_KIND_NAMES[e.kind];
  const at = e.discoveredAt.slice(0, 16).replace('T', ' ');
  return pick(
    lang,
    `${zh}（事件编号 ${e.ref}），于 ${at}（UTC）发现。${e.description}`,
    `${en} (incident ${e.ref}), discovered on ${at} UTC. ${e.description}`,
  );
}

function whatData(e: IncidentEntry, lang: Lang): string {
  const a = e.affected;
  const records =
    a.records === null ? pick(lang, '数量待确认', 'a number still being established') : String(a.records);
  const people = a.people === null ? '' : pick(lang, `，约 ${a.people} 人`, `, about ${a.people} people`);
  const special =
    a.sensitive + a.minors > 0
      ? pick(
          lang,
          `其中含敏感个人信息的记录 ${a.sensitive} 条、未成年人 ${a.minors} 条。`,
          `Of these, ${a.sensitive} hold sensitive personal information and ${a.minors} concern minors.`,
        )
      : '';
  const protection =
    a.encrypted === true && !a.keyExposed
      ? pick(
          lang,
          '数据已加密，密钥未随之泄露。',
          'The data was encrypted and the key was not exposed with it.',
        )
      : a.encrypted === true
        ? pick(
            lang,
            '数据已加密，但密钥可能一并泄露。',
            'The data was encrypted, but the key may have been exposed too.',
          )
        : a.encrypted === false
          ? pick(lang, '数据未加密。', 'The data was not encrypted.')
          : pick(
              lang,
              '数据是否加密尚待确认。',
              'Whether the data was encrypted is still being established.',
            );
  return pick(
    lang,
    `涉及 ${records} 条客户记录${people}；信息种类：${fieldNames(a.fields, lang)}。${special}${protection}`,
    [
      `${records} customer record(s)${people}; kinds of information: ${fieldNames(a.fields, lang)}.`,
      special,
      protection,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

function measures(e: IncidentEntry, plan: EmergencyPlan): string {
  const reasons = e.decisions.map((d) => d.reason);
  const steps = plan.steps[e.kind];
  return [...steps, ...reasons].map((s, i) => `${i + 1}. ${s}`).join('\n');
}

function contact(plan: EmergencyPlan, lang: Lang): string {
  const named = plan.contacts.filter((c) => c.name || c.contact);
  return named.length
    ? named.map((c) => `${c.role}: ${[c.name, c.contact].filter(Boolean).join(', ')}`).join('\n')
    : pick(lang, '（请在应急预案中填写联系人）', '(fill in the contacts in the emergency plan)');
}

/**
 * After a deadline the law allows to be missed with reasons (GDPR Art. 33(1)), the notice gives them: the
 * ones recorded, or a line asking for them.
 */
function delaySection(e: IncidentEntry, regime: IncidentRegime, lang: Lang) {
  const timer = e.timers.find((t) => t.regime === regime && t.audience === 'authority');
  if (!timer?.lateWithReasons || (timer.state !== 'overdue' && timer.state !== 'sent-late')) return [];
  const recorded = e.notices.find((n) => n.regime === regime && n.audience === 'authority')?.delayReasons;
  return [
    {
      heading: pick(lang, `延迟原因（${timer.cite}）`, `Reasons for the delay (${timer.cite})`),
      body:
        recorded ??
        pick(
          lang,
          '（本通知在发现后 72 小时之后发出：请说明延迟的原因）',
          '(This notification is made more than 72 hours after the breach was discovered: state the reasons for the delay.)',
        ),
    },
  ];
}

/** The draft of one notice in one language. */
export function noticeDraft(
  e: IncidentEntry,
  plan: EmergencyPlan,
  regime: IncidentRegime,
  audience: NoticeAudience,
  lang: Lang,
): NoticeDraft {
  // The template unsaved: its steps in the draft's language; a saved plan speaks the team's own words.
  plan = plan.updatedAt === null ? planTemplate(lang) : plan;
  const consequence =
    e.affected.encrypted === true && !e.affected.keyExposed
      ? pick(
          lang,
          '由于数据已加密且密钥未泄露，数据被读取的可能性低。',
          'As the data was encrypted and the key was not exposed, it is unlikely to be read.',
        )
      : pick(
          lang,
          '信息可能被他人读取，存在诈骗、骚扰或身份冒用的风险。',
          'The information may be read by others, with a risk of fraud, nuisance contacts or identity theft.',
        );
  if (audience === 'authority') {
    const [zh, en] = AUTHORITY[regime];
    return {
      title: pick(lang, `个人信息安全事件报告（致${zh}）`, `Personal data breach notification to ${en}`),
      sections: [
        { heading: pick(lang, '事件经过', 'Nature of the incident'), body: whatHappened(e, lang) },
        { heading: pick(lang, '涉及的个人信息和人数', 'Data and people concerned'), body: whatData(e, lang) },
        { heading: pick(lang, '可能的后果', 'Likely consequences'), body: consequence },
        {
          heading: pick(lang, '已采取和拟采取的措施', 'Measures taken or proposed'),
          body: measures(e, plan),
        },
        { heading: pick(lang, '联系人', 'Contact'), body: contact(plan, lang) },
        ...delaySection(e, regime, lang),
      ],
    };
  }
  return {
    title: pick(lang, '个人信息安全事件告知书', 'Notice of Data Breach'),
    sections: [
      { heading: pick(lang, '发生了什么', 'What Happened'), body: whatHappened(e, lang) },
      { heading: pick(lang, '涉及哪些信息', 'What Information Was Involved'), body: whatData(e, lang) },
      {
        heading: pick(lang, '我们正在做什么', 'What We Are Doing'),
        body: `${consequence}\n${measures(e, plan)}`,
      },
      {
        heading: pick(lang, '您可以做什么', 'What You Can Do'),
        body: pick(
          lang,
          '请警惕自称本公司的来电、短信和邮件，不要透露验证码或口令；如发现异常，请联系我们并向公安机关报案。',
          'Be wary of calls, messages and e-mails claiming to come from us; never give out codes or passwords. If you notice anything unusual, contact us and report it to the police.',
        ),
      },
      { heading: pick(lang, '更多信息', 'For More Information'), body: contact(plan, lang) },
    ],
  };
}
