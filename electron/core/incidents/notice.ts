// incidents.notice: a notification draft (to the authority or to the individuals, under one law) written
// as a PDF, Chinese then English, prefilled from the register and the emergency plan; or the record that
// the notice was sent, which stops its timer. Counts and ids only: the draft names no customer.
import { join } from 'node:path';
import type { IncidentEntry, IncidentNotice, OpParsedInput } from '../../../shared/contract';
import { noticeDraft, type NoticeDraft } from '../../../shared/incident-notice';
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';
import { checkCertificateDir } from '../documents/signed-document';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { loadPlan } from './plan';
import { checkObligation, incidentRow, openIncident, toIncident } from './register';

function noticePdf(
  e: IncidentEntry,
  drafts: readonly NoticeDraft[],
  client: string,
  at: Date,
): Promise<Buffer> {
  const pdf = new DocumentBuilder({
    title: `${drafts[0].title} ${drafts[1].title} — ${client} ${e.ref}`,
    subject: 'Closeout notification draft for a personal information incident',
    keywords: 'Closeout, incident, PIPL Art. 57, GDPR Arts. 33-34, Cal. Civ. Code 1798.82',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: { left: `${client}  ·  ${e.ref}` },
  });
  const date = at.toISOString().slice(0, 10);
  drafts.forEach((d, i) => {
    if (i > 0) pdf.newPage();
    pdf.title(d.title, i === 0 ? drafts[1].title : drafts[0].title, `${client}  ·  ${e.ref}  ·  ${date}`);
    for (const s of d.sections) {
      pdf.paragraph(s.heading, { bold: true, gap: 2 });
      pdf.paragraph(s.body, { gap: 8 });
    }
  });
  return pdf.finish();
}

export async function incidentNotice(
  vault: OpenVault,
  input: OpParsedInput<'incidents.notice'>,
  dataDir: string,
  now = new Date(),
) {
  const db = vault.db;
  const row = openIncident(db, input.id);
  const entry = toIncident(row, now);
  checkObligation(entry, input.regime, input.audience);
  if (!input.out && !input.sentAt && !input.delayReasons) throw new EngineError('INCIDENT_NOTICE_EMPTY');
  const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : null;
  if (sentAt !== null && sentAt > now.toISOString())
    throw new EngineError('INCIDENT_FUTURE', { field: 'sentAt' });

  let file: { path: string; name: string; bytes: Buffer } | null = null;
  if (input.out) {
    const dir = pathOf(input.out);
    checkCertificateDir(dir);
    const plan = loadPlan(db, 'zh-CN');
    const drafts = (['zh-CN', 'en'] as const).map((lang) =>
      noticeDraft(entry, plan, input.regime, input.audience, lang),
    );
    const name = `${entry.ref}-${input.regime}-${input.audience}-draft.pdf`;
    file = {
      path: join(dir, name),
      name,
      bytes: await noticePdf(entry, drafts, readMeta(db).clientName, now),
    };
    guardWrite(file.path, { vault, dataDir });
  }
  const notices = JSON.parse(row.notices) as IncidentNotice[];
  const index = notices.findIndex((n) => n.regime === input.regime && n.audience === input.audience);
  const before = index < 0 ? null : notices[index];
  if (input.delayReasons && !sentAt && !before?.sentAt)
    throw new EngineError('INCIDENT_NOTICE_NOT_SENT', { ref: entry.ref });
  const notice: IncidentNotice = {
    regime: input.regime,
    audience: input.audience,
    files: [...new Set([...(before?.files ?? []), ...(file ? [file.name] : [])])],
    draftedAt: file ? now.toISOString() : (before?.draftedAt ?? null),
    sentAt: sentAt ?? before?.sentAt ?? null,
    delayReasons: input.delayReasons ?? before?.delayReasons ?? null,
    by: vault.actor.userName,
  };
  const next = index < 0 ? [...notices, notice] : notices.map((n, i) => (i === index ? notice : n));
  vault.change(
    () => ({
      op: 'incidents.notice',
      params: {
        id: row.id,
        regime: input.regime,
        audience: input.audience,
        drafted: file !== null,
        sent: sentAt !== null,
        delayReasons: input.delayReasons !== undefined,
      },
      outcome: 'ok',
    }),
    () => {
      if (file) writeFileAtomic(file.path, file.bytes);
      db.prepare('UPDATE incidents SET notices = ? WHERE id = ?').run(JSON.stringify(next), row.id);
    },
  );
  return toIncident(incidentRow(db, row.id), now);
}
