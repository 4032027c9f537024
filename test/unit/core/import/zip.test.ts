import { findEndOfDirectory, parseCentralDirectory } from '../../../../electron/core/import/zip';
import { zipBuffer } from '../../../integration/core/import/support/zip-writer';

describe('ZIP directory', () => {
  const zip = zipBuffer([
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'.repeat(100)) },
  ]);

  it('finds the end record and parses the entries', () => {
    const end = findEndOfDirectory(zip, 0)!;
    expect(end).toMatchObject({ entries: 2, zip64: false, at: zip.length - 22 });
    const entries = parseCentralDirectory(zip.subarray(end.offset, end.offset + end.size), end.entries);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', 8, 11],
      ['xl/worksheets/sheet1.xml', 8, 1200],
    ]);
  });

  it('finds the end record behind an archive comment, and none in a cut file', () => {
    const comment = Buffer.from('a comment');
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 2);
    expect(findEndOfDirectory(withComment, 0)?.at).toBe(zip.length - 22);
    expect(findEndOfDirectory(zip.subarray(0, zip.length - 30), 0)).toBeNull();
  });

  it('takes 64-bit sizes from a ZIP64 extra field', () => {
    const record = Buffer.alloc(46 + 1 + 20);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(0xffffffff, 20);
    record.writeUInt32LE(0xffffffff, 24);
    record.writeUInt16LE(1, 28);
    record.writeUInt16LE(20, 30);
    record.write('a', 46);
    record.writeUInt16LE(0x0001, 47);
    record.writeUInt16LE(16, 49);
    record.writeBigUInt64LE(6n * 2n ** 30n, 51);
    record.writeBigUInt64LE(5n * 2n ** 20n, 59);
    const [entry] = parseCentralDirectory(record, 1);
    expect(entry).toMatchObject({ name: 'a', uncompressedSize: 6 * 2 ** 30, compressedSize: 5 * 2 ** 20 });
  });
});
