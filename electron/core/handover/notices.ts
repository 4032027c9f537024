// handover.notices (job): tells every customer destined to the recipient, each in their language — PDF
// letters (merged in files of 200, one per customer, or none for mass mailings), a mail-merge CSV, SMS
// texts split into parts, and a public announcement — and starts tracking each notice. Written into a new folder that appears
// only when complete; the notice settings and the tracking rows commit with it or not at all.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NoticesWritten, OpParsedInput } from '../../../shared/contract';
import { UTF8_BOM, csvLine } from '../../../shared/csv';
import {
  requiredConsent,
  type HandoverGap,
  type NoticeLanguage,
  type NoticeSettings,
} from '../../../shared/handover';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { inJobTransaction } from '../kernel/job-transaction';
import { CUSTOMER_ROW_COLUMNS, toCustomerRecord, type CustomerRow } from '../records/record-view';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { agreementOf } from './agreement';
import { LetterFile } from './notice-pdf';
import { announcement, letter, smsParts, smsText, type NoticeAsk, type NoticeFacts } from './notice-text';
import { fileStamp } from '../util/file-stamp';
import { freshPath, outputFolder, writeFailed } from './output';
import { DESTINED } from './selection';
import { loadHandover, requireOpen } from './store';

const WINDOW = 5000;
const LETTERS_PER_FILE = 200;

const askFor = (ask: ReturnType<typeof requiredConsent>): NoticeAsk =>
  ask === null ? 'object' : ask === 'guardian' ? 'guardian' : 'consent';

class TextFile {
  private readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }
  write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
  close(): void {
    closeSync(this.fd);
  }
}

export async function writeNotices(
  vault: OpenVault,
  input: OpParsedInput<'handover.notices'>,
  job: JobContext,
  dataDir: string | null,
  now = new Date(),
): Promise<NoticesWritten> {
  const db = vault.db;
  const handover = loadHandover(db, input.handoverId);
  requireOpen(handover);
  const meta = readMeta(db);
  const given = input.settings;
  const reason = given?.reason ?? handover.notice?.reason ?? meta.closureReason;
  const afterClosureContact =
    given?.afterClosureContact ?? handover.notice?.afterClosureContact ?? meta.contact;
  const deadline = given?.deadline ?? handover.notice?.deadline;
  const agreement = agreementOf(db, handover.id);
  const r = handover.recipient;
  const gaps: HandoverGap[] = [
    deadline ? null : ('notice-deadline' as const),
    reason ? null : ('notice-reason' as const),
    afterClosureContact ? null : ('after-closure-contact' as const),
    r.contactPerson && r.contact && r.address ? null : ('recipient' as const),
    agreement ? null : ('agreement' as const),
  ].filter((g) => g !== null);
  if (gaps.length) throw new EngineError('HANDOVER_NOT_READY', { gaps });
  const settings: NoticeSettings = {
    deadline: deadline!,
    reason: reason!,
    afterClosureContact: afterClosureContact!,
  };
  const facts: NoticeFacts = {
    client: meta.clientName,
    clientContact: meta.contact,
    recipient: handover.recipient,
    route: handover.route,
    settings,
    fields: handover.fields,
    purposes: agreement!.terms.purposes,
  };
  const dir = outputFolder(input.out);
  const final = freshPath(dir, `closeout-notices-${handover.id.slice(0, 8)}-${fileStamp(now)}`, {
    vault,
    dataDir,
  });
  const temp = join(dir, `.${basename(final)}.${randomBytes(6).toString('hex')}.partial`);
  const date = now.toISOString().slice(0, 10);
  const total = (
    db.prepare(`SELECT count(*) AS n FROM customers c WHERE ${DESTINED}`).get(handover.dispositionLabel) as {
      n: number;
    }
  ).n;
  if (total === 0)
    throw new EngineError('HANDOVER_SELECTION_EMPTY', { recipient: handover.dispositionLabel });
  job.progress(0, total, 'writing');

  const written: NoticesWritten = {
    dir: final,
    letters: [],
    mailMerge: join(final, 'mail-merge.csv'),
    sms: join(final, 'sms.csv'),
    announcement: join(final, 'announcement.txt'),
    customers: 0,
    smsParts: 0,
  };
  try {
    mkdirSync(temp, { mode: 0o700 });
    await inJobTransaction(db, async () => {
      db.prepare('UPDATE handovers SET notice = ? WHERE id = ?').run(JSON.stringify(settings), handover.id);
      db.prepare(
        `INSERT OR IGNORE INTO handover_notices (handover_id, customer_id, language, status, updated_at)
         SELECT ?, c.id, CASE WHEN c.region = 'overseas' THEN 'en' ELSE 'zh-CN' END, 'pending', ?
           FROM customers c WHERE ${DESTINED}`,
      ).run(handover.id, now.toISOString(), handover.dispositionLabel);
      const mail = new TextFile(join(temp, 'mail-merge.csv'));
      const sms = new TextFile(join(temp, 'sms.csv'));
      mail.write(
        UTF8_BOM +
          csvLine([
            'record',
            'language',
            'name',
            'organisation',
            'address',
            'email',
            'phone',
            'deadline',
            'subject',
            'body',
          ]),
      );
      sms.write(UTF8_BOM + csvLine(['record', 'phone', 'part', 'parts', 'text']));
      let letters: LetterFile | null = null;
      let fileNo = 0;
      const flush = async (name: string) => {
        if (!letters || letters.letters === 0) return;
        writeFileSync(join(temp, name), await letters.finish(), { mode: 0o600, flag: 'wx' });
        written.letters.push(join(final, name));
        letters = null;
      };
      const rows = db.prepare(
        `SELECT ${CUSTOMER_ROW_COLUMNS}, n.language AS notice_language FROM customers c
           JOIN handover_notices n ON n.handover_id = ? AND n.customer_id = c.id
          WHERE c.id > ? AND c.id <= ? AND ${DESTINED} ORDER BY c.id`,
      );
      const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM customers').get() as { m: number }).m;
      for (let from = 0; from < maxId; from += WINDOW) {
        for (const row of rows.all(handover.id, from, from + WINDOW, handover.dispositionLabel) as Array<
          CustomerRow & { notice_language: NoticeLanguage }
        >) {
          const record = toCustomerRecord(row, []);
          const lang = row.notice_language;
          const ask = askFor(
            requiredConsent(handover.route, {
              minor: record.flags.minor,
              sensitive: record.flags.sensitive.length > 0,
            }),
          );
          const text = letter(facts, lang, record.name ?? record.organisation, ask);
          // With letters 'none', the mail-merge CSV and the SMS texts below carry the letter alone.
          if (input.letters === 'each') {
            letters = new LetterFile(meta.clientName, now).add(text, date, record.id);
            await flush(`letter-${record.id}.pdf`);
          } else if (input.letters === 'merged') {
            letters ??= new LetterFile(meta.clientName, now);
            letters.add(text, date, record.id);
            if (letters.letters >= LETTERS_PER_FILE)
              await flush(`letters-${String(++fileNo).padStart(4, '0')}.pdf`);
          }
          const body = [text.greeting, ...text.paragraphs, text.closing].join('\n');
          mail.write(
            csvLine([
              record.id,
              lang,
              record.name,
              record.organisation,
              record.address,
              record.email,
              record.phone,
              facts.settings.deadline,
              text.subject,
              body,
            ]),
          );
          if (record.phone) {
            const parts = smsParts(smsText(facts, lang, ask));
            parts.forEach((part, i) =>
              sms.write(csvLine([record.id, record.phone, i + 1, parts.length, part])),
            );
            written.smsParts += parts.length;
          }
          written.customers++;
        }
        job.progress(written.customers, total);
        await job.checkpoint();
      }
      await flush(`letters-${String(fileNo + 1).padStart(4, '0')}.pdf`);
      mail.close();
      sms.close();
      writeFileSync(join(temp, 'announcement.txt'), announcement(facts), { mode: 0o600, flag: 'wx' });
      await job.checkpoint();
      vault.audit({
        op: 'handover.notices',
        params: { handoverId: handover.id, deadline: facts.settings.deadline, letters: input.letters },
        counts: { customers: written.customers, smsParts: written.smsParts, files: written.letters.length },
        outcome: 'ok',
      });
      renameSync(temp, final);
    });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof EngineError) throw error;
    throw writeFailed(final, error);
  }
  return written;
}
