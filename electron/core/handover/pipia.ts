// handover.pipia: the personal-information protection impact assessment (PIPL Art. 55–56) of one
// handover, prefilled from the vault (what data, how many people, sensitive kinds, minors, regions,
// purposes, recipient, measures); the person's answers are saved, an owner approves it as it stands, and
// its zh/en PDF is written on request. No package is built before an approval that still matches.
import type { OpParsedInput, PipiaFacts, PipiaRecord } from '../../../shared/contract';
import {
  VETTING_ITEMS,
  pipiaAnswersSchema,
  type HandoverGap,
  type PipiaAnswers,
} from '../../../shared/handover';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { writeDocument } from '../documents/write-document';
import { fileStamp } from '../util/file-stamp';
import { freshPath, outputFolder, writeFailed } from './output';
import { selectionCounts, sensitiveKinds } from './selection';
import { loadHandover, type Handover } from './store';
import pkg from '../../../package.json';
import { renderAssessmentPdf, type HandoverPipiaRecord } from '../assessments/assessment-pdf';
import {
  approveAssessmentRow,
  latestAssessmentRow,
  writeAssessmentBody,
  type AssessmentRow,
  type AssessmentScope,
} from '../assessments/store';
import { keepUntil } from '../evidence-pack/archive';

const scopeOf = (handover: Handover): AssessmentScope => ({ kind: 'pipia', handoverId: handover.id });

/** The row's facts once approved: what the approval is about (its key) and what it saw. */
interface ApprovedSnapshot {
  key: string;
  facts: PipiaFacts;
  answers: PipiaAnswers;
}

function pipiaFacts(db: VaultDb, handover: Handover): PipiaFacts {
  const meta = readMeta(db);
  const agreement = db
    .prepare('SELECT terms, signed_on FROM handover_agreements WHERE handover_id = ?')
    .get(handover.id) as { terms: string; signed_on: string } | undefined;
  const terms = agreement ? (JSON.parse(agreement.terms) as { purposes: string; retention: string }) : null;
  const vetting = new Map(
    (
      db.prepare('SELECT item, done FROM handover_vetting WHERE handover_id = ?').all(handover.id) as Array<{
        item: string;
        done: number;
      }>
    ).map((r) => [r.item, r.done === 1]),
  );
  return {
    client: { name: meta.clientName, creditCode: meta.creditCode },
    recipient: handover.recipient,
    route: handover.route,
    reasoning: handover.reasoning,
    fields: handover.fields,
    selection: selectionCounts(db, handover),
    sensitiveKinds: sensitiveKinds(db, handover),
    agreement: terms && agreement ? { ...terms, signedOn: agreement.signed_on } : null,
    vetting: VETTING_ITEMS.map((item) => ({ item, done: vetting.get(item) ?? false })),
    crossBorder: handover.route === 'cross-border' ? handover.crossBorder : null,
  };
}

/** What an approval is about: if any of it changes, the approval no longer holds. */
function approvalKey(facts: Pick<PipiaFacts, 'recipient' | 'route' | 'fields'>): string {
  return JSON.stringify({ recipient: facts.recipient, route: facts.route, fields: [...facts.fields].sort() });
}

/** Prefilled answers: the purposes from the agreement, the measures Closeout itself takes, the usual risks. */
function prefill(facts: PipiaFacts): PipiaAnswers {
  return pipiaAnswersSchema.parse({
    purposes: facts.agreement?.purposes ?? '',
    necessity: '',
    risks: [
      {
        risk: '传输或保管中泄露 / Disclosure in transit or storage',
        likelihood: 'low',
        severity: 'high',
        mitigation: 'AES-256 加密移交包、签名核验 / AES-256 encrypted, signed package',
      },
      {
        risk: '接收方超出原目的使用 / Use beyond the original purposes by the recipient',
        likelihood: 'medium',
        severity: 'medium',
        mitigation: '协议承诺、尽职审查 / Agreement undertakings, vetting',
      },
      {
        risk: '客户不知情或无法拒绝 / Customers unaware or unable to object',
        likelihood: 'low',
        severity: 'medium',
        mitigation:
          '逐一告知、异议期、异议者不移交 / Individual notices, objection period, objectors never sent',
      },
    ],
    measures:
      '数据最小化（仅移交所选字段）；AES-256 加密并以公司证书签名；BagIt 清单逐文件校验；异议客户不移交；' +
      '接收方签署保密、安全、不再转让、应要求删除的承诺。 / Minimisation (only the chosen fields travel); ' +
      "AES-256 encryption, signed with the company's certificate; a BagIt manifest checks every file; " +
      'objecting customers never travel; the recipient undertakes confidentiality, security, no further ' +
      'transfer and deletion on request.',
    conclusion: '',
    residualRisk: 'low',
    custodian: '',
  });
}

export function pipiaRecord(
  db: VaultDb,
  handover: Handover,
  files: PipiaRecord['files'] = null,
): PipiaRecord {
  const facts = pipiaFacts(db, handover);
  const row = latestAssessmentRow(db, scopeOf(handover));
  const answers = row ? pipiaAnswersSchema.parse(JSON.parse(row.body)) : prefill(facts);
  const approved = approvedSnapshot(row);
  return {
    facts,
    answers,
    approvedBy: approved ? row!.approved_by : null,
    approvedAt: approved ? row!.approved_at : null,
    keepUntil: approved ? keepUntil(new Date(row!.approved_at!)) : null,
    stale: staleApproval(approved, facts),
    files,
  };
}

function approvedSnapshot(row: AssessmentRow | undefined): ApprovedSnapshot | null {
  if (row?.status !== 'approved' || !row.facts || !row.approved_at) return null;
  return JSON.parse(row.facts) as ApprovedSnapshot;
}

/** An approval whose recipient, route or fields no longer match the handover. */
const staleApproval = (
  approved: ApprovedSnapshot | null,
  subject: Pick<PipiaFacts, 'recipient' | 'route' | 'fields'>,
): boolean => approved !== null && approved.key !== approvalKey(subject);

/**
 * The record's `approvedAt` and `stale` alone, as pipiaRecord works them out but without counting the
 * selection (the approval key holds the recipient, the route and the fields, all on the handover).
 */
export function pipiaStatus(db: VaultDb, handover: Handover): Pick<PipiaRecord, 'approvedAt' | 'stale'> {
  const row = latestAssessmentRow(db, scopeOf(handover));
  const approved = approvedSnapshot(row);
  return { approvedAt: approved ? row!.approved_at : null, stale: staleApproval(approved, handover) };
}

/**
 * Whether the handover has an approved PIPIA that still matches it: the approval key only (recipient,
 * route, fields), without counting the selection as the full record does.
 */
export function pipiaApproved(db: VaultDb, handover: Handover): boolean {
  const approved = approvedSnapshot(latestAssessmentRow(db, scopeOf(handover)));
  return approved !== null && approved.key === approvalKey(handover);
}

export async function savePipia(
  vault: OpenVault,
  input: OpParsedInput<'handover.pipia'>,
  dataDir: string,
  now = new Date(),
): Promise<PipiaRecord> {
  const handover = loadHandover(vault.db, input.handoverId);
  if (input.approve && vault.actor.role !== 'owner') {
    vault.audit({
      op: 'handover.pipia',
      params: { handoverId: handover.id, approve: true },
      outcome: 'refused',
    });
    throw new EngineError('NOT_ALLOWED', { role: vault.actor.role, op: 'handover.pipia (approve)' });
  }
  if ((input.answers || input.approve) && handover.state !== 'open')
    throw new EngineError('HANDOVER_CLOSED', { handoverId: handover.id, state: handover.state });
  const at = now.toISOString();
  if (input.answers || input.approve) {
    const answers = input.answers ?? pipiaRecord(vault.db, handover).answers;
    if (input.approve) {
      const gaps: HandoverGap[] = [
        answers.necessity.trim() ? null : ('pipia-necessity' as const),
        answers.conclusion.trim() ? null : ('pipia-conclusion' as const),
        answers.custodian.trim() ? null : ('pipia-custodian' as const),
      ].filter((g) => g !== null);
      if (gaps.length) throw new EngineError('HANDOVER_NOT_READY', { gaps });
    }
    const facts = pipiaFacts(vault.db, handover);
    // Edited answers after an approval start a new version, as the closure-wide assessments do.
    const row = latestAssessmentRow(vault.db, scopeOf(handover));
    const unchanged = row?.body === JSON.stringify(answers);
    const version = !row ? 1 : row.status === 'draft' || unchanged ? row.version : row.version + 1;
    const save = () =>
      writeAssessmentBody(vault.db, scopeOf(handover), version, answers, at, vault.actor.userName);
    const audit = () => ({
      op: 'handover.pipia',
      params: { handoverId: handover.id, approve: input.approve, fields: facts.fields, version },
      counts: { records: facts.selection.selected },
      outcome: 'ok' as const,
    });
    if (!input.approve) vault.change(audit, save);
    else {
      const snapshot: ApprovedSnapshot = { key: approvalKey(facts), facts, answers };
      const approved: PipiaRecord = {
        facts,
        answers,
        approvedBy: vault.actor.userName,
        approvedAt: at,
        keepUntil: keepUntil(now),
        stale: false,
        files: null,
      };
      const document = handoverPipiaDocument(handover, approved, now);
      await approveAssessmentRow(
        vault,
        dataDir,
        {
          scope: scopeOf(handover),
          version,
          facts: snapshot,
          document: { json: document, pdf: await renderAssessmentPdf(document) },
          name: `pipia-handover-${handover.id.slice(0, 8)}`,
          audit,
          alongside: save,
        },
        now,
      );
    }
  }
  const record = pipiaRecord(vault.db, handover);
  if (!input.out) return record;
  const dir = outputFolder(input.out);
  const path = freshPath(dir, `closeout-pipia-${handover.id.slice(0, 8)}-${fileStamp(now)}.pdf`, {
    vault,
    dataDir,
  });
  const pdf = await renderAssessmentPdf(handoverPipiaDocument(handover, record, now));
  try {
    writeDocument(path, pdf, 0o600);
  } catch (error) {
    throw writeFailed(path, error);
  }
  vault.audit({ op: 'handover.pipia', params: { handoverId: handover.id, written: 'pdf' }, outcome: 'ok' });
  return { ...record, files: { pdf: path } };
}

/** The handover's PIPIA as a document: what the archive, the evidence pack and the PDF hold. */
export function handoverPipiaDocument(
  handover: Handover,
  record: PipiaRecord,
  now: Date,
): HandoverPipiaRecord {
  return {
    format: 'closeout-handover-pipia',
    formatVersion: 1,
    handoverId: handover.id,
    writtenAt: now.toISOString(),
    appVersion: pkg.version,
    ...record,
  };
}
