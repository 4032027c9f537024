import { RowCollector } from '../../../../electron/core/import/collector';
import { TableAssembler, type TableRecord } from '../../../../electron/core/import/table';
import type { SourceRow } from '../../../../electron/core/import/types';

function assemble(
  records: string[][],
  options: { headerRow?: number; strictWidth?: boolean; maxRows?: number } = {},
) {
  const rows: SourceRow[] = [];
  const out = new RowCollector('csv', 0, { maxRows: options.maxRows }, (r) => void rows.push(r), undefined);
  const table = new TableAssembler(out, {
    headerRow: options.headerRow,
    strictWidth: options.strictWidth ?? true,
  });
  records.forEach((cells, i) => {
    const record: TableRecord = { line: i + 1, cells, raw: cells.join(',') };
    table.add(record);
  });
  table.finish();
  return { out, rows, table, drained: out.drain().then(() => rows) };
}

describe('table assembler', () => {
  it('keys values by header and flags rows of another width (CSV)', async () => {
    const { out, drained } = assemble([
      ['姓名', '电话', ''],
      ['张三', '138', ''],
      ['李四', '139'],
      ['王五', '137', '', 'extra'],
      ['赵六', '136', '', ''],
    ]);
    const rows = await drained;
    expect(out.result.headers).toEqual(['姓名', '电话']);
    // Too few fields: delivered and flagged. Too many (values shifted): set aside with the reason; too
    // many but the extra ones empty (a trailing comma?): delivered, flagged.
    expect(rows.map((r) => [r.line, r.values, r.problem])).toEqual([
      [2, { 姓名: '张三', 电话: '138' }, undefined],
      [3, { 姓名: '李四', 电话: '139' }, 'too-few-fields'],
      [5, { 姓名: '赵六', 电话: '136' }, 'ragged'],
    ]);
    expect(out.result).toMatchObject({ rowsRead: 4, rowsEmitted: 3, rowsRejected: 1, rowsFlagged: 2 });
    expect(out.result.problems.map((p) => [p.line, p.kind, p.emitted])).toEqual([
      [3, 'too-few-fields', true],
      [4, 'too-many-fields', false],
      [5, 'ragged', true],
    ]);
  });

  it('in a sheet, short rows are normal and values right of the header are flagged', async () => {
    const { drained } = assemble([['姓名', '电话'], ['张三'], ['李四', '139', 'x']], { strictWidth: false });
    const rows = await drained;
    expect(rows.map((r) => r.problem)).toEqual([undefined, 'ragged']);
  });

  it('uses the header row the person chose, or none', async () => {
    const chosen = assemble([['title'], ['a', 'b'], ['1', '2']], { headerRow: 2 });
    expect((await chosen.drained).map((r) => r.values)).toEqual([{ a: '1', b: '2' }]);
    expect(chosen.table.leading.map((l) => l.line)).toEqual([1, 2]);
    const none = assemble(
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      { headerRow: 0 },
    );
    expect((await none.drained).map((r) => r.values)).toEqual([
      { col_A: 'a', col_B: 'b' },
      { col_A: '1', col_B: '2' },
    ]);
  });

  it('stops at maxRows and says the read was truncated', async () => {
    const { out, drained } = assemble([['h'], ['1'], ['2'], ['3']], { maxRows: 2 });
    expect((await drained).map((r) => r.values.h)).toEqual(['1', '2']);
    expect(out.result).toMatchObject({ rowsRead: 2, truncated: true });
  });
});
