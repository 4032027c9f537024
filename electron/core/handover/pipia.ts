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
import { renderPipia } from './pipia-pdf';
import { selectionCounts, sensitiveKinds } from './selection';
import { loadHandover, type Handover } from './store';

interface PipiaRow {
  answers: string;
  approved: string | null;
  approved_by: string | null;
  approved_at: string | null;
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
  const row = db.prepare('SELECT * FROM handover_pipias WHERE handover_id = ?').get(handover.id) as
    PipiaRow | undefined;
  const answers = row ? pipiaAnswersSchema.parse(JSON.parse(row.answers)) : prefill(facts);
  const keepUntil = row?.approved_at ? addYears(row.approved_at, 3) : null;
  return {
    facts,
    answers,
    approvedBy: row?.approved_by ?? null,
    approvedAt: row?.approved_at ?? null,
    keepUntil,
    stale: staleApproval(row, facts),
    files,
  };
}

/** An approval whose recipient, route or fields no longer match the handover. */
const staleApproval = (
  row: Pick<PipiaRow, 'approved'> | undefined,
  facts: Pick<PipiaFacts, 'recipient' | 'route' | 'fields'>,
): boolean => {
  const approved = row?.approved ? (JSON.parse(row.approved) as { key: string }) : null;
  return approved !== null && approved.key !== approvalKey(facts);
};

/**
 * The record's `approvedAt` and `stale` alone, as pipiaRecord works them out but without counting the
 * selection (the approval key holds the recipient, the route and the fields, all on the handover).
 */
export function pipiaStatus(db: VaultDb, handover: Handover): Pick<PipiaRecord, 'approvedAt' | 'stale'> {
  const row = db
    .prepare('SELECT approved, approved_at FROM handover_pipias WHERE handover_id = ?')
    .get(handover.id) as Pick<PipiaRow, 'approved' | 'approved_at'> | undefined;
  return { approvedAt: row?.approved_at ?? null, stale: staleApproval(row, handover) };
}

const addYears = (iso: string, years: number): string => {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/**
 * Whether the handover has an approved PIPIA that still matches it: the approval key only (recipient,
 * route, fields), without counting the selection as the full record does.
 */
export function pipiaApproved(db: VaultDb, handover: Handover): boolean {
  const row = db
    .prepare('SELECT approved, approved_at FROM handover_pipias WHERE handover_id = ?')
    .get(handover.id) as Pick<PipiaRow, 'approved' | 'approved_at'> | undefined;
  if (!row?.approved || !row.approved_at) return false;
  return (JSON.parse(row.approved) as { key: string }).key === approvalKey(handover);
}

export async function savePipia(
  vault: OpenVault,
  input: OpParsedInput<'handover.pipia'>,
  dataDir: string | null,
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
    vault.change(
      () => ({
        op: 'handover.pipia',
        params: { handoverId: handover.id, approve: input.approve, fields: facts.fields },
        counts: { records: facts.selection.selected },
        outcome: 'ok',
      }),
      () => {
        vault.db
          .prepare(
            `INSERT INTO handover_pipias (handover_id, answers, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (handover_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
          )
          .run(handover.id, JSON.stringify(answers), at);
        if (input.approve)
          vault.db
            .prepare(
              'UPDATE handover_pipias SET approved = ?, approved_by = ?, approved_at = ? WHERE handover_id = ?',
            )
            .run(
              JSON.stringify({ key: approvalKey(facts), facts, answers }),
              vault.actor.userName,
              at,
              handover.id,
            );
      },
      input.approve,
    );
  }
  const record = pipiaRecord(vault.db, handover);
  if (!input.out) return record;
  const dir = outputFolder(input.out);
  const path = freshPath(dir, `closeout-pipia-${handover.id.slice(0, 8)}-${fileStamp(now)}.pdf`, {
    vault,
    dataDir,
  });
  const pdf = await renderPipia(record, now);
  try {
    writeDocument(path, pdf, 0o600);
  } catch (error) {
    throw writeFailed(path, error);
  }
  vault.audit({ op: 'handover.pipia', params: { handoverId: handover.id, written: 'pdf' }, outcome: 'ok' });
  return { ...record, files: { pdf: path } };
}
