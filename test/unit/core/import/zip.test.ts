import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../../electron/core/kernel/engine-error';
import { resolveLimits } from '../../../../electron/core/import/limits';
import { closeZip, readEntry, readZipDirectory } from '../../../../electron/core/import/zip';
import { zipBuffer } from '../../../integration/core/import/support/zip-writer';
import { zipEntries } from '../../../fixtures/messy';

const limits = resolveLimits(undefined);

describe('ZIP package (yauzl)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeout-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sheet = Buffer.from('<worksheet/>'.repeat(100));
  const zip = zipBuffer([
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const readAll = async (path: string, name: string) => {
    const z = await readZipDirectory(path, limits);
    try {
      const parts: Buffer[] = [];
      for await (const chunk of readEntry(z, z.entries.get(name)!)) parts.push(chunk);
      return Buffer.concat(parts);
    } finally {
      closeZip(z);
    }
  };

  it('lists the entries with their declared sizes and inflates one', async () => {
    const path = write('ok.xlsx', zip);
    const z = await readZipDirectory(path, limits);
    expect([...z.entries.values()].map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', 8, 11],
      ['xl/worksheets/sheet1.xml', 8, 1200],
    ]);
    expect(z.totalUncompressed).toBe(1211);
    closeZip(z);
    expect(await readAll(path, 'xl/worksheets/sheet1.xml')).toEqual(sheet);
  });

  it('refuses an entry that inflates past its declared size with the size reason', async () => {
    const bomb = Buffer.from(zip);
    const entry = zipEntries(bomb).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    bomb.writeUInt32LE(100, entry.central + 24);
    bomb.writeUInt32LE(100, entry.local + 22);
    const error = await readAll(write('bomb.xlsx', bomb), entry.name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('INPUT_TOO_LARGE');
    expect((error as EngineError).details.reason).toMatch(
      /inflates past the size its ZIP directory declares/,
    );
  });

  it('refuses an entry shorter than declared, and a cut archive, as damaged', async () => {
    const short = Buffer.from(zip);
    const entry = zipEntries(short).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    short.writeUInt32LE(5000, entry.central + 24);
    short.writeUInt32LE(5000, entry.local + 22);
    const error = await readAll(write('short.xlsx', short), entry.name).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('INPUT_UNREADABLE');
    const cut = await readZipDirectory(write('cut.xlsx', zip.subarray(0, zip.length - 30)), limits).catch(
      (e: unknown) => e,
    );
    expect((cut as EngineError).code).toBe('INPUT_UNREADABLE');
    expect((cut as EngineError).details.reason).toMatch(/no end-of-directory record/);
  });

  it('refuses, before inflating, more entries or more declared bytes than the limits', async () => {
    const path = write('limits.xlsx', zip);
    const many = await readZipDirectory(path, { ...limits, maxZipEntries: 1 }).catch((e: unknown) => e);
    expect((many as EngineError).code).toBe('INPUT_TOO_LARGE');
    const big = await readZipDirectory(path, { ...limits, maxTotalBytes: 1000 }).catch((e: unknown) => e);
    expect((big as EngineError).details.reason).toMatch(/declare/);
  });
});
