// Files that are not customer files are refused with one clear error naming the file and the reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewSource, readSource } from '../../../../electron/core/import';
import { Random } from '../../../fixtures/random';
import { tempDir } from '../../helpers';
import { engineError } from './support/read';
import { zipBuffer } from './support/zip-writer';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('closeout-import-refuse-');
});
afterAll(() => dir.remove());

function randomBytes(seed: number, length: number): Buffer {
  const r = new Random(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 4) out.writeUInt32LE(r.uint32(), Math.min(i, length - 4));
  return out;
}

const cases: Array<[string, () => Buffer, string]> = [
  [
    'report.pdf',
    () => Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), randomBytes(1, 4000)]),
    'a PDF document',
  ],
  [
    'photo.png',
    () =>
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2, 4000)]),
    'a PNG image',
  ],
  [
    'scan.jpg',
    () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3, 4000)]),
    'a JPEG image',
  ],
  [
    'tool',
    () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(4, 4000)]),
    'a program (ELF executable)',
  ],
  [
    'setup.exe',
    () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(5, 4000)]),
    'a Windows program (EXE/DLL)',
  ],
  [
    'customers.csv',
    () => randomBytes(6, 64 * 1024),
    'binary data, not text or a workbook (a program, an image, an archive or a damaged file)',
  ],
  [
    'old.xls',
    () =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(7, 4000)]),
    'an Office 97–2003 file',
  ],
  [
    'letter.docx',
    () =>
      zipBuffer([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
    'a Word document (.docx)',
  ],
  [
    'backup.zip',
    () => zipBuffer([{ name: 'customers.csv', data: Buffer.from('a,b\n1,2\n') }]),
    'a ZIP archive that is not an Excel workbook',
  ],
  [
    'export.xls',
    () =>
      Buffer.from(
        '<html><head><meta charset="utf-8"></head><body><table><tr><td>客户</td></tr></table></body></html>',
      ),
    'a web page (HTML)',
  ],
];

describe('refusals', () => {
  it.each(cases)('%s is refused: %s', async (name, bytes, reason) => {
    const file = join(dir.path, name);
    writeFileSync(file, bytes());
    let rows = 0;
    const error = await engineError(readSource(file, {}, () => void rows++));
    expect(error.code).toBe('INPUT_NOT_SUPPORTED');
    expect(error.details.path).toBe(file);
    expect(String(error.details.reason)).toContain(reason);
    expect(error.message).toContain(file);
    expect(rows).toBe(0);
    // The preview refuses in the same words.
    expect((await engineError(previewSource(file))).message).toBe(error.message);
  });

  it('a folder is not a file', async () => {
    const folder = join(dir.path, 'folder.csv');
    mkdirSync(folder);
    const error = await engineError(readSource(folder, {}, () => undefined));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.details).toEqual({ path: folder, reason: 'it is a folder' });
  });

  it('an empty file of any kind gives zero rows and a note, not an error', async () => {
    for (const name of ['empty.xlsx', 'empty.json', 'empty.vcf']) {
      const file = join(dir.path, name);
      writeFileSync(file, '');
      const rows: unknown[] = [];
      const result = await readSource(file, {}, (row) => void rows.push(row));
      expect(rows).toEqual([]);
      expect(result).toMatchObject({ rowsRead: 0, rowsEmitted: 0, bytes: 0 });
      expect(result.notes).toEqual([{ kind: 'empty-file', message: expect.stringContaining('empty') }]);
    }
  });
});
