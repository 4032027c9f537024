// analytics.extract: a de-identified extract — one row per live customer with only the chosen
// quasi-identifiers, generalised until every combination holds k records (shared/analytics/k-anonymity.ts),
// rows sorted by their values so their order says nothing — and beside it a README saying what it is: a
// pseudonymised extract that is still personal data under PIPL and GDPR. Refused, writing nothing, when
// k cannot be met. Both files are registered as customer data (the wipe destroys them) and the export is
// audited with the fields, k and counts.
import { rmSync } from 'node:fs';
import { csvCell, UTF8_BOM } from '../../../shared/csv';
import type { AnalyticsFacts } from '../../../shared/analytics/dimensions';
import { kAnonymise } from '../../../shared/analytics/k-anonymity';
import type { AnalyticsExtractResult, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import type { OpenVault } from '../vault/open-vault';
import { recordOutputs } from '../wipe/outputs';
import { forEachFacts } from './facts';
import { headerOf, labelOf } from './labels';

/** The notice written beside every extract (the window says the same before one is made). */
function extractReadme(fields: readonly string[], k: number, records: number, at: string): string {
  return [
    '去标识化摘录 — 仍属个人信息',
    '',
    `本文件为假名化（去标识化）摘录：已删除姓名、联系方式、证件号码、地址等直接标识符，所选字段（${fields.join('、')}）已泛化，使每一种取值组合至少对应 ${k} 条记录（k-匿名）。`,
    '去标识化的信息仍属个人信息（《个人信息保护法》第四条、第七十三条）：须按个人信息保护，不得尝试重新识别，用毕销毁。',
    `记录数：${records}；制作时间：${at}。`,
    '',
    'De-identified extract — still personal data',
    '',
    `This file is a pseudonymised (de-identified) extract: names, contact details, ID numbers and addresses are removed, and the chosen fields (${fields.join(', ')}) are generalised until every combination of values holds at least ${k} records (k-anonymity).`,
    'Pseudonymised data is still personal data (PIPL Arts. 4 and 73; GDPR Art. 4(5) and Recital 26): protect it as such, do not try to re-identify anyone, and destroy it after use.',
    `Records: ${records}; made at: ${at}.`,
    '',
  ].join('\r\n');
}

export function writeExtract(
  vault: OpenVault,
  input: OpParsedInput<'analytics.extract'>,
  dataDir: string | null,
  now = new Date(),
): AnalyticsExtractResult {
  const target = pathOf(input.file);
  const readme = `${target}.README.txt`;
  const scope = { vault, dataDir };
  guardWrite(target, scope);
  guardWrite(readme, scope);
  const records: AnalyticsFacts[] = [];
  forEachFacts(vault.db, input.excludeObjected, (f) => records.push(f));
  const result = kAnonymise(records, input.fields, input.k, now.toISOString().slice(0, 10));
  if (result === null) {
    vault.audit({
      op: 'analytics.extract',
      params: { fields: input.fields, k: input.k, excludeObjected: input.excludeObjected },
      counts: { records: records.length },
      outcome: 'refused',
    });
    throw new EngineError('ANALYTICS_K_UNREACHABLE', { k: input.k, records: records.length });
  }
  const rows = result.rows.map((row) => row.map((v, i) => labelOf(input.fields[i], v, 'en')));
  rows.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  const line = (cells: string[]) => cells.map((c) => csvCell(c)).join(',') + '\r\n';
  const csv = UTF8_BOM + line(input.fields.map((f) => headerOf(f, 'en'))) + rows.map(line).join('');
  const at = now.toISOString();
  try {
    writeFileAtomic(readme, UTF8_BOM + extractReadme(input.fields, input.k, rows.length, at));
    writeFileAtomic(target, csv);
  } catch (error) {
    rmSync(readme, { force: true });
    throw new EngineError('WRITE_FAILED', {
      path: target,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  try {
    vault.change(
      () => ({
        op: 'analytics.extract',
        params: {
          fields: input.fields,
          k: input.k,
          excludeObjected: input.excludeObjected,
          levels: result.levels,
        },
        counts: { records: rows.length, classes: result.classes, smallest: result.smallest },
        outcome: 'ok',
      }),
      () => recordOutputs(vault.db, 'analytics-extract', [target, readme], vault.actor.userName),
    );
  } catch (error) {
    rmSync(target, { force: true });
    rmSync(readme, { force: true });
    throw error;
  }
  return {
    path: target,
    readme,
    fields: input.fields,
    k: input.k,
    records: rows.length,
    classes: result.classes,
    smallest: result.smallest,
    levels: result.levels,
  };
}
