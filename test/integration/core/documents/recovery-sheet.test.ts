// The recovery sheet as a person and their tools see it: a real PDF on disk, read back by poppler
// (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbar, with nothing mocked.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../../../electron/core/kernel/engine-error';
import { setFontDirectory } from '../../../../electron/core/documents/fonts';
import {
  renderRecoverySheet,
  writeRecoverySheet,
  type RecoverySheetInfo,
} from '../../../../electron/core/vault/recovery-sheet';
import { encodeRecoveryKey } from '../../../../shared/recovery-key';
import { Random } from '../../../fixtures/random';
import { tempDir } from '../../helpers';

jest.setTimeout(60_000);

/** Runs a command-line tool; a missing tool fails the test and names the Debian package to install. */
function run(tool: string, pkg: string, args: string[]): Buffer {
  const result = spawnSync(tool, args, { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error(
      `${tool} is not installed: run \`apt-get install -y ${pkg}\` (Debian/Ubuntu package ${pkg})`,
    );
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

const text = (pdf: string) => run('pdftotext', 'poppler-utils', ['-layout', pdf, '-']).toString('utf8');
const info = (pdf: string) => run('pdfinfo', 'poppler-utils', ['-isodates', pdf]).toString('utf8');
const pages = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(info(pdf))?.[1]);

function seededKey(seed: number, version: 1 | 2 = 1): string {
  const random = new Random(seed);
  return encodeRecoveryKey(
    Uint8Array.from({ length: 32 }, () => random.int(0, 255)),
    version,
  );
}

const sheet: RecoverySheetInfo = {
  clientName: '杭州示例商贸有限公司',
  creditCode: '91330106MA2B3C4D5X',
  vaultId: '0b6f8a52-3c1d-4e9f-8a27-5d4c3b2a1f00',
  vaultFileName: '杭州示例商贸有限公司.cvault',
  recoveryKey: seededKey(20250314),
  createdAt: new Date('2025-03-14T10:05:00Z'),
  appVersion: '0.1.0',
  companyFingerprint:
    'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
};

describe('recovery sheet PDF', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;

  beforeAll(async () => {
    dir = tempDir('closeout-sheet-');
    file = join(dir.path, 'recovery-sheet.pdf');
    await writeRecoverySheet(file, sheet);
  });
  afterAll(() => dir.remove());

  it('is written atomically, owner-only, as a small PDF of at most two pages', () => {
    expect(readdirSync(dir.path)).toEqual(['recovery-sheet.pdf']); // no temp file left behind
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // 200 KB: the fonts are 10 MB each, so only subsets can stay under it.
    expect(statSync(file).size).toBeLessThan(200 * 1024);
    expect(pages(file)).toBeLessThanOrEqual(2);
  });

  it('gives pdftotext the company, the headings in both languages and every group of the key', () => {
    const extracted = text(file);
    for (const expected of [
      sheet.clientName,
      sheet.creditCode!,
      sheet.vaultId,
      sheet.vaultFileName,
      '恢复密钥',
      'Recovery key',
      '保管人',
      'Stored by',
      'closeout recovery-key decode',
      `PRAGMA key = "x'`,
      '第 1 页 / Page 1 of 2',
    ])
      expect(extracted).toContain(expected);
    const groups = sheet.recoveryKey.split('-');
    expect(groups).toHaveLength(13);
    for (const group of groups) expect(extracted).toMatch(new RegExp(`(^|\\s)${group}(\\s|$)`, 'm'));
  });

  it('embeds its fonts as subset TrueType with a ToUnicode map, and carries the metadata it was given', () => {
    const fonts = run('pdffonts', 'poppler-utils', [file]).toString('utf8').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(1);
    for (const font of fonts)
      expect(font).toMatch(/^[A-Z]{6}\+NotoSansSC-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const meta = info(file);
    expect(meta).toMatch(/^Title:\s+恢复密钥 Recovery key — 杭州示例商贸有限公司$/m);
    expect(meta).toMatch(/^Author:\s+Closeout$/m);
    expect(meta).toMatch(/^Creator:\s+Closeout 0\.1\.0$/m);
    expect(meta).toMatch(/^CreationDate:\s+2025-03-14T10:05:00Z$/m);
    expect(meta).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });

  it('prints a QR code that zbarimg reads back as exactly the recovery key', () => {
    const prefix = join(dir.path, 'page');
    run('pdftoppm', 'poppler-utils', [
      '-r',
      '150',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      prefix,
    ]);
    const decoded = run('zbarimg', 'zbar-tools', ['--raw', '-q', `${prefix}.png`])
      .toString('utf8')
      .trim();
    expect(decoded).toBe(sheet.recoveryKey);
  });

  it('draws its text visibly, not only into the text layer', () => {
    // pdftotext alone proves nothing: a WOFF2 font extracts fine and draws nothing. Page 2 holds text on
    // light fills only, so its dark pixels are glyphs.
    const pgm = run('pdftoppm', 'poppler-utils', [
      '-r',
      '72',
      '-gray',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      file,
    ]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const pixels = pgm.subarray(header![0].length);
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark / pixels.length).toBeGreaterThan(0.005); // about 0.02 when drawn, 0 when not
  });

  it('renders the same text, and the same bytes, from the same inputs', async () => {
    const first = await renderRecoverySheet(sheet);
    const second = await renderRecoverySheet(sheet);
    const a = join(dir.path, 'a.pdf');
    const b = join(dir.path, 'b.pdf');
    writeFileSync(a, first);
    writeFileSync(b, second);
    expect(text(a)).toBe(text(b));
    expect(first.equals(second)).toBe(true);
    expect(first.equals(readFileSync(file))).toBe(true);
  });

  it.each([1, 2] as const)(
    'stays within two pages for a long company name without a credit code (recovery key v%d)',
    async (version) => {
      const name = '内蒙古自治区呼和浩特市赛罕区示例示例新能源科技发展股份有限公司第一分公司（清算组）';
      const long = join(dir.path, 'long.pdf');
      await writeRecoverySheet(long, {
        ...sheet,
        clientName: name,
        creditCode: null,
        vaultFileName: `${name} 2025年3月 最终版.cvault`,
        recoveryKey: seededKey(7, version),
      });
      expect(pages(long)).toBeLessThanOrEqual(2);
      // -raw keeps content-stream order, so a name wrapped inside its table cell reads back in one piece.
      const extracted = run('pdftotext', 'poppler-utils', ['-raw', long, '-'])
        .toString('utf8')
        .replace(/\s+/g, '');
      expect(extracted).toContain(name);
      expect(extracted).toContain('未填写');
    },
  );

  it('refuses to print a key that fails its check characters', async () => {
    const first = sheet.recoveryKey[0];
    const typo = (first === '7' ? '8' : '7') + sheet.recoveryKey.slice(1);
    await expect(renderRecoverySheet({ ...sheet, recoveryKey: typo })).rejects.toThrow(RangeError);
    await expect(
      renderRecoverySheet({ ...sheet, recoveryKey: sheet.recoveryKey.toLowerCase() }),
    ).rejects.toThrow(RangeError);
  });

  it('fails with a clear internal error when the fonts are not where they should be', async () => {
    const fonts = join(dir.path, 'fonts');
    mkdirSync(fonts);
    // A WOFF2 renamed to .ttf would print invisible text: it must be refused, not used.
    writeFileSync(
      join(fonts, 'NotoSansSC_400Regular.ttf'),
      Buffer.from([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0]),
    );
    setFontDirectory(fonts);
    try {
      const error = await renderRecoverySheet(sheet).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({ code: 'INTERNAL', details: { ref: 'fonts missing' } });
      const files = (error as EngineError).details.files as string[];
      expect(files.join('\n')).toMatch(/NotoSansSC_400Regular\.ttf: not a TrueType font/);
      expect(files.join('\n')).toMatch(/NotoSansSC_700Bold\.ttf: ENOENT/);
    } finally {
      setFontDirectory(null);
    }
  });
});
