// analytics.export: the suppressed table of counts as CSV (UTF-8 with BOM, the count last, a suppressed
// cell marked, never a number below k), XLSX or a PDF, written beside the target and renamed over it
// when complete, and audited with the dimensions, k and counts — never a value.
import ExcelJS from 'exceljs';
import { rmSync, statSync } from 'node:fs';
import pkg from '../../../package.json';
import { csvCell, UTF8_BOM } from '../../../shared/csv';
import type { AnalyticsExportResult, AnalyticsTable, OpParsedInput } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { EngineError } from '../kernel/engine-error';
import { xlsxText } from '../records/export-records';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { headerOf, labelOf, SUPPRESSED, type Lang } from './labels';
import { analyticsTable } from './table';

function grid(table: AnalyticsTable, lang: Lang): { header: string[]; rows: string[][] } {
  return {
    header: [...table.by.map((d) => headerOf(d, lang)), headerOf('count', lang)],
    rows: table.cells.map((c) => [
      ...c.values.map((v, i) => labelOf(table.by[i], v, lang)),
      c.count === null ? SUPPRESSED[lang] : String(c.count),
    ]),
  };
}

function csv(table: AnalyticsTable, lang: Lang): Buffer {
  const { header, rows } = grid(table, lang);
  const line = (cells: string[]) => cells.map((c) => csvCell(c)).join(',') + '\r\n';
  return Buffer.from(UTF8_BOM + line(header) + rows.map(line).join(''), 'utf8');
}

async function xlsx(table: AnalyticsTable, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'zh-CN' ? '统计' : 'Counts');
  const { header, rows } = grid(table, lang);
  sheet.addRow(header);
  // Formula-like labels are neutralised as in every export; counts stay numbers.
  for (const [i, row] of rows.entries()) {
    const count = table.cells[i].count;
    sheet.addRow([...row.slice(0, -1).map(xlsxText), count ?? row.at(-1)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function pdf(table: AnalyticsTable, client: string, at: Date): Promise<Buffer> {
  const doc = new DocumentBuilder({
    title: `匿名统计 Anonymised counts — ${client}`,
    subject: 'Closeout anonymised counts, small cells suppressed',
    keywords: 'Closeout, anonymised analytics, small-cell suppression',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: { left: client },
  });
  doc.title('匿名统计', 'Anonymised counts', `k = ${table.k}  ·  ${at.toISOString().slice(0, 10)}`);
  doc.bilingual(
    `小于 ${table.k} 的计数及可由合计推算出它们的计数均已抑制（标为“已抑制”）。${table.excludeObjected ? '已排除提出反对的客户。' : ''}`,
    `Counts below ${table.k}, and the counts from which they could be worked out with the totals, are suppressed (marked “suppressed”).${table.excludeObjected ? ' Customers who objected are left out.' : ''}`,
  );
  const zh = grid(table, 'zh-CN');
  const en = grid(table, 'en');
  doc.table(
    zh.header.map((h, i) => `${h} / ${en.header[i]}`),
    en.rows.map((row, r) => row.map((v, i) => (zh.rows[r][i] === v ? v : `${zh.rows[r][i]} / ${v}`))),
  );
  return doc.finish();
}

export async function exportTable(
  vault: OpenVault,
  input: OpParsedInput<'analytics.export'>,
  dataDir: string | null,
  now = new Date(),
): Promise<AnalyticsExportResult> {
  const target = pathOf(input.file);
  const scope = { vault, dataDir };
  guardWrite(target, scope);
  const table = analyticsTable(vault, input, now);
  const bytes =
    input.format === 'csv'
      ? csv(table, input.headers)
      : input.format === 'xlsx'
        ? await xlsx(table, input.headers)
        : await pdf(table, readMeta(vault.db).clientName, now);
  guardWrite(target, scope);
  try {
    writeFileAtomic(target, bytes);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: target,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  try {
    vault.audit({
      op: 'analytics.export',
      params: {
        by: table.by,
        k: table.k,
        period: table.period,
        excludeObjected: table.excludeObjected,
        format: input.format,
      },
      counts: { cells: table.cells.length, suppressed: table.suppressed },
      outcome: 'ok',
    });
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
  return {
    path: target,
    format: input.format,
    cells: table.cells.length,
    suppressed: table.suppressed,
    bytes: statSync(target).size,
  };
}
