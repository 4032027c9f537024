// incidents.plan, incidents.savePlan, incidents.exportPlan: the emergency plan, kept in the vault (one
// row), the template in the language asked for until the team saves its own; exported as a PDF.
import { join } from 'node:path';
import type { EmergencyPlan, OpParsedInput } from '../../../shared/contract';
import { planTemplate } from '../../../shared/emergency-plan';
import { INCIDENT_KINDS } from '../../../shared/incidents';
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';
import { checkCertificateDir } from '../documents/signed-document';
import { writeFileAtomic } from '../util/atomic-write';
import { fileStamp } from '../util/file-stamp';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import type { VaultDb } from '../vault/database';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { INCIDENT_KIND_NAMES as KIND_NAMES } from '../../../shared/incident-notice';

export function loadPlan(db: VaultDb, language: EmergencyPlan['language']): EmergencyPlan {
  const row = db.prepare('SELECT plan, updated_at, updated_by FROM incident_plan WHERE id = 1').get() as
    { plan: string; updated_at: string; updated_by: string | null } | undefined;
  if (!row) return planTemplate(language);
  return { ...(JSON.parse(row.plan) as EmergencyPlan), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export function savePlan(vault: OpenVault, input: OpParsedInput<'incidents.savePlan'>, now = new Date()) {
  const at = now.toISOString();
  vault.change(
    () => ({
      op: 'incidents.savePlan',
      params: { language: input.language, drillPeriodMonths: input.drillPeriodMonths },
      counts: { contacts: input.contacts.length, roles: input.roles.length },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `INSERT INTO incident_plan (id, plan, updated_at, updated_by) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by`,
        )
        .run(JSON.stringify(input), at, vault.actor.userName),
  );
  return loadPlan(vault.db, input.language);
}

function planPdf(plan: EmergencyPlan, client: string, at: Date): Promise<Buffer> {
  const pdf = new DocumentBuilder({
    title: `个人信息安全事件应急预案 Emergency plan — ${client}`,
    subject: 'Closeout emergency plan for personal information incidents',
    keywords: 'Closeout, emergency plan, PIPL Art. 51, PIPL Art. 57, GDPR Art. 33',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: { left: client },
  });
  const zh = plan.language === 'zh-CN';
  pdf.title('个人信息安全事件应急预案', 'Emergency plan for personal information incidents', client);
  pdf.paragraph(
    `${zh ? '更新于' : 'Updated'} ${plan.updatedAt?.slice(0, 10) ?? '—'}  ·  ${zh ? '演练周期' : 'Drills every'} ${plan.drillPeriodMonths} ${zh ? '个月' : 'months'}`,
    { muted: true },
  );
  pdf.heading('联系人', 'Contacts');
  pdf.table(
    zh ? ['角色', '姓名', '联系方式'] : ['Role', 'Name', 'Contact'],
    plan.contacts.map((c) => [c.role, c.name || '—', c.contact || '—']),
    { widths: [2, 2, 3] },
  );
  pdf.heading('职责', 'Roles');
  for (const r of plan.roles) pdf.paragraph(`${r.role}: ${r.duty}`);
  pdf.heading('处置步骤', 'Steps per kind of incident');
  for (const kind of INCIDENT_KINDS) {
    const steps = plan.steps[kind];
    if (steps.length === 0) continue;
    pdf.subheading(KIND_NAMES[kind][0], KIND_NAMES[kind][1]);
    steps.forEach((s, i) => pdf.paragraph(`${i + 1}. ${s}`));
  }
  return pdf.finish();
}

export async function exportPlan(
  vault: OpenVault,
  input: OpParsedInput<'incidents.exportPlan'>,
  dataDir: string,
  now = new Date(),
) {
  const dir = pathOf(input.out);
  checkCertificateDir(dir);
  const plan = loadPlan(vault.db, 'zh-CN');
  const bytes = await planPdf(plan, readMeta(vault.db).clientName, now);
  const file = join(dir, `emergency-plan-${fileStamp(now)}.pdf`);
  guardWrite(file, { vault, dataDir });
  vault.change(
    () => ({ op: 'incidents.exportPlan', params: {}, counts: { bytes: bytes.length }, outcome: 'ok' }),
    () => writeFileAtomic(file, bytes),
  );
  return { file };
}
