// The words of a customer notice (PIPL Art. 22/23/39, GDPR Art. 14): the letter, the SMS and the public
// announcement, in Chinese or English. Pure: the same facts always give the same text.
import type {
  HandoverRecipient,
  HandoverRoute,
  NoticeLanguage,
  NoticeSettings,
} from '../../../shared/handover';
import type { HandoverField } from '../../../shared/handover';
import { fieldList } from './labels';

export interface NoticeFacts {
  client: string;
  clientContact: string | null;
  recipient: HandoverRecipient;
  route: HandoverRoute;
  settings: NoticeSettings;
  fields: readonly HandoverField[];
  purposes: string;
}

export interface Letter {
  subject: string;
  greeting: string;
  paragraphs: string[];
  closing: string;
}

/** What this customer is asked for: to object if they disagree, or to consent (separately, or as guardian). */
export type NoticeAsk = 'object' | 'consent' | 'guardian';

const replyTo = (f: NoticeFacts) => f.clientContact ?? f.settings.afterClosureContact;

export function letter(f: NoticeFacts, lang: NoticeLanguage, name: string | null, ask: NoticeAsk): Letter {
  const r = f.recipient;
  const abroad = f.route === 'cross-border';
  if (lang === 'zh-CN') {
    const answer =
      ask === 'object'
        ? `如您不同意移交，请于 ${f.settings.deadline} 前通过 ${replyTo(f)} 告知我们；提出异议的客户信息不会移交。`
        : ask === 'guardian'
          ? `该客户未满十四周岁，须由监护人同意方可移交。如同意，请监护人于 ${f.settings.deadline} 前通过 ${replyTo(f)} 书面回复；未同意的不会移交。`
          : `只有在您单独同意后，我们才会移交您的信息。如同意，请于 ${f.settings.deadline} 前通过 ${replyTo(f)} 书面回复；未同意的不会移交。`;
    return {
      subject: `关于您的个人信息移交给${r.organisation}的告知`,
      greeting: `尊敬的${name ?? '客户'}：`,
      paragraphs: [
        `${f.client}因${f.settings.reason}，拟将所保存的您的个人信息移交给${r.organisation}。`,
        `接收方：${r.organisation}${r.creditCode ? `（统一社会信用代码 ${r.creditCode}）` : ''}，地址：${r.address}，联系人：${r.contactPerson}，联系方式：${r.contact}。`,
        `移交的信息类别：${fieldList(f.fields, 'zh')}。`,
        `处理目的：${f.purposes}。接收方将继续按原有目的和方式处理，变更前将重新征得您的同意或事先告知。`,
        ...(abroad
          ? [
              `接收方位于境外（${r.country}）。您可以通过上述联系方式向接收方行使查阅、复制、更正、删除等权利。`,
            ]
          : []),
        answer,
        `我方注销后，如有疑问请联系：${f.settings.afterClosureContact}。`,
      ],
      closing: f.client,
    };
  }
  const answer =
    ask === 'object'
      ? `If you do not agree, tell us by ${f.settings.deadline} at ${replyTo(f)}; the information of customers who object will not be handed over.`
      : ask === 'guardian'
        ? `This customer is under 14: a guardian's consent is needed. If you agree, the guardian should reply in writing by ${f.settings.deadline} at ${replyTo(f)}; without it nothing is handed over.`
        : `We will hand over your information only with your separate consent. If you agree, reply in writing by ${f.settings.deadline} at ${replyTo(f)}; without it nothing is handed over.`;
  return {
    subject: `Your personal information is being handed over to ${r.organisation}`,
    greeting: `Dear ${name ?? 'customer'},`,
    paragraphs: [
      `Because of ${f.settings.reason}, ${f.client} intends to hand over the personal information it holds about you to ${r.organisation}.`,
      `Recipient: ${r.organisation}${r.creditCode ? ` (credit code ${r.creditCode})` : ''}, ${r.address}; contact: ${r.contactPerson}, ${r.contact}.`,
      `Categories handed over: ${fieldList(f.fields, 'en')}.`,
      `Purposes: ${f.purposes}. The recipient keeps to the original purposes and methods, and will ask for your consent or tell you before any change.`,
      ...(abroad
        ? [
            `The recipient is outside mainland China (${r.country}). You can exercise your rights of access, copy, correction and deletion against it at the contact above.`,
          ]
        : []),
      answer,
      `After ${f.client} is closed, contact: ${f.settings.afterClosureContact}.`,
    ],
    closing: f.client,
  };
}

/** One SMS text (before splitting into parts). */
export function smsText(f: NoticeFacts, lang: NoticeLanguage, ask: NoticeAsk): string {
  if (lang === 'zh-CN')
    return ask === 'object'
      ? `【${f.client}】您的客户信息将移交给${f.recipient.organisation}（${f.recipient.contact}）。如不同意请于${f.settings.deadline}前联系${replyTo(f)}。`
      : `【${f.client}】拟将您的客户信息移交给${f.recipient.organisation}（${f.recipient.contact}），须经您同意。同意请于${f.settings.deadline}前回复${replyTo(f)}。`;
  return ask === 'object'
    ? `${f.client}: your customer data will go to ${f.recipient.organisation} (${f.recipient.contact}). To object, contact ${replyTo(f)} by ${f.settings.deadline}.`
    : `${f.client}: we wish to hand your customer data to ${f.recipient.organisation} (${f.recipient.contact}) with your consent. To agree, reply to ${replyTo(f)} by ${f.settings.deadline}.`;
}

/**
 * An SMS split into parts a phone shows as one message each: Chinese (UCS-2) at most 70 characters a
 * part, 67 when there are several (the "(1/3)" mark counted in); Latin text 160, 153 when split.
 */
export function smsParts(text: string): string[] {
  const chars = [...text];
  const ucs2 = chars.some((c) => c.codePointAt(0)! > 0x7f);
  const single = ucs2 ? 70 : 160;
  if (chars.length <= single) return [text];
  const multi = ucs2 ? 67 : 153;
  const mark = 6; // "(n/m)" for up to 9 parts, and a space in Latin text
  const size = multi - mark;
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += size) parts.push(chars.slice(i, i + size).join(''));
  return parts.map((p, i) => `(${i + 1}/${parts.length})${ucs2 ? '' : ' '}${p}`);
}

/** The public announcement, for customers who cannot be reached one by one: Chinese, then English. */
export function announcement(f: NoticeFacts): string {
  const zh = letter(f, 'zh-CN', null, f.route === 'succession' ? 'object' : 'consent');
  const en = letter(f, 'en', null, f.route === 'succession' ? 'object' : 'consent');
  return [
    `公告：${zh.subject}`,
    '',
    ...zh.paragraphs,
    '',
    zh.closing,
    '',
    '—',
    '',
    `Announcement: ${en.subject}`,
    '',
    ...en.paragraphs,
    '',
    en.closing,
    '',
  ].join('\n');
}
