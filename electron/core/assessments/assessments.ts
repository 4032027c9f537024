// assessments.get, .save, .approve, .write: the PIPIA and DPIA, versioned (editing an approved one starts a
// new draft), prefilled from the vault, approved by an owner — its facts frozen then and the approved
// version written, signed, to the evidence archive — and written on request wherever the person chooses.
import type {
  Assessment,
  AssessmentBody,
  AssessmentFacts,
  AssessmentFiles,
  AssessmentKind,
  OpParsedInput,
} from '../../../shared/contract';
import pkg from '../../../package.json';
import { gatherFacts, type ClosureFacts } from '../compliance/facts';
import { keepUntil } from '../evidence-pack/archive';
import { documentSigner } from '../vault/signer';
import { stampedName, writeSignedDocument } from '../evidence-pack/signed-files';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { renderAssessmentPdf, type AssessmentRecord } from './assessment-pdf';
import {
  approveAssessmentRow,
  latestAssessmentRow,
  writeAssessmentBody,
  type AssessmentRow,
  type AssessmentScope,
} from './store';
import { assessmentFacts, assessmentRequired, draftBody, missingSections } from './prefill';

const closureWide = (kind: AssessmentKind): AssessmentScope => ({ kind, handoverId: null });

function latest(vault: OpenVault, kind: AssessmentKind): AssessmentRow | undefined {
  return latestAssessmentRow(vault.db, closureWide(kind));
}

function assessmentOf(f: ClosureFacts, kind: AssessmentKind, row: AssessmentRow | undefined): Assessment {
  const body: AssessmentBody = row ? (JSON.parse(row.body) as AssessmentBody) : draftBody(f);
  const { required, because } = assessmentRequired(f, kind);
  return {
    kind,
    version: row?.version ?? 0,
    status: row?.status ?? 'new',
    body,
    facts:
      row?.status === 'approved' && row.facts
        ? (JSON.parse(row.facts) as AssessmentFacts)
        : assessmentFacts(f),
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
    approvedAt: row?.approved_at ?? null,
    approvedBy: row?.approved_by ?? null,
    keepUntil: row?.approved_at ? keepUntil(new Date(row.approved_at)) : null,
    required,
    requiredBecause: because,
    missing: missingSections(body, kind),
  };
}

export function getAssessment(vault: OpenVault, kind: AssessmentKind, now = new Date()): Assessment {
  return assessmentOf(gatherFacts(vault, now), kind, latest(vault, kind));
}

export function saveAssessment(
  vault: OpenVault,
  input: OpParsedInput<'assessments.save'>,
  now = new Date(),
): Assessment {
  const row = latest(vault, input.kind);
  const version = row && row.status === 'draft' ? row.version : (row?.version ?? 0) + 1;
  const at = now.toISOString();
  vault.change(
    () => ({ op: 'assessments.save', params: { kind: input.kind, version }, outcome: 'ok' }),
    () =>
      writeAssessmentBody(vault.db, closureWide(input.kind), version, input.body, at, vault.actor.userName),
  );
  return getAssessment(vault, input.kind, now);
}

function recordOf(vault: OpenVault, a: Assessment, now: Date): AssessmentRecord {
  return {
    format: 'closeout-impact-assessment',
    formatVersion: 1,
    vaultId: vault.vaultId,
    writtenAt: now.toISOString(),
    appVersion: pkg.version,
    ...a,
  };
}

async function writeFiles(vault: OpenVault, a: Assessment, dir: string, now: Date): Promise<AssessmentFiles> {
  const record = recordOf(vault, a, now);
  const files = await writeSignedDocument(
    dir,
    stampedName(`${a.kind}-v${a.version}`, vault.vaultId, now),
    { json: record, pdf: await renderAssessmentPdf(record) },
    documentSigner(vault.signer),
    now,
  );
  return { pdf: files.pdf, json: files.json, signature: files.signature };
}

export async function approveAssessment(
  vault: OpenVault,
  kind: AssessmentKind,
  dataDir: string,
  now = new Date(),
): Promise<Assessment & { archived: AssessmentFiles }> {
  const row = latest(vault, kind);
  if (!row || row.status !== 'draft') throw new EngineError('ASSESSMENT_NOT_DRAFT');
  const facts = gatherFacts(vault, now);
  const draft = assessmentOf(facts, kind, row);
  if (draft.missing.length)
    throw new EngineError('ASSESSMENT_INCOMPLETE', { missing: draft.missing.join(', ') });
  const frozen = assessmentFacts(facts);
  const approved: Assessment = {
    ...draft,
    status: 'approved',
    facts: frozen,
    approvedAt: now.toISOString(),
    approvedBy: vault.actor.userName,
    keepUntil: keepUntil(now),
  };
  const record = recordOf(vault, approved, now);
  const archived = await approveAssessmentRow(
    vault,
    dataDir,
    {
      scope: closureWide(kind),
      version: row.version,
      facts: frozen,
      document: { json: record, pdf: await renderAssessmentPdf(record) },
      name: `${kind}-v${row.version}`,
      audit: () => ({
        op: 'assessments.approve',
        params: { kind, version: row.version, keepUntil: approved.keepUntil },
        outcome: 'ok',
      }),
    },
    now,
  );
  return { ...getAssessment(vault, kind, now), archived };
}

export async function writeAssessment(
  vault: OpenVault,
  input: OpParsedInput<'assessments.write'>,
  now = new Date(),
): Promise<AssessmentFiles> {
  const a = getAssessment(vault, input.kind, now);
  const files = await writeFiles(vault, a, pathOf(input.dir), now);
  vault.audit({ op: 'assessments.write', params: { kind: input.kind, version: a.version }, outcome: 'ok' });
  return files;
}
