import iconv from 'iconv-lite';
import {
  bomOf,
  classifyLegacy,
  createDecoder,
  decoderName,
  detectEncoding,
  isUtf8Sample,
  lowTrailShare,
  utf16WithoutBom,
} from '../../../../electron/core/import/encoding';

const SIMPLIFIED =
  '客户名称,联系电话,地址\r\n张伟,13800138000,广东省深圳市南山区科技园路1号\r\n王芳,13900139000,北京市朝阳区建国路88号\r\n';
const TRADITIONAL =
  '客戶名稱,聯絡電話,地址\r\n許功蓋,0912345678,臺北市信義區忠孝東路五段\r\n陳大文,+852 9123 4567,香港九龍彌敦道\r\n';

describe('byte order marks', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], 'utf-8', 3],
    [[0xff, 0xfe, 0x41, 0x00], 'utf-16le', 2],
    [[0xfe, 0xff, 0x00, 0x41], 'utf-16be', 2],
    [[0x84, 0x31, 0x95, 0x33, 0x41], 'gb18030', 4],
  ])('%j → %s', (bytes, encoding, length) => {
    expect(bomOf(Uint8Array.from(bytes))).toEqual({ encoding, length });
    expect(detectEncoding(Uint8Array.from(bytes))).toEqual({ encoding, bomLength: length, confident: true });
  });

  it('no BOM in plain text', () => expect(bomOf(Buffer.from('name,phone'))).toBeNull());
});

describe('UTF-16 without a BOM', () => {
  it('is recognised by its NUL bytes', () => {
    expect(utf16WithoutBom(Buffer.from('name,phone\r\n张三,138\r\n', 'utf16le'))).toBe('utf-16le');
    const be = Buffer.from('name,phone\r\n', 'utf16le').swap16();
    expect(utf16WithoutBom(be)).toBe('utf-16be');
  });

  it('random binary with scattered NULs is not UTF-16', () => {
    const bytes = Buffer.alloc(4096, 0x41);
    for (let i = 0; i < bytes.length; i += 37) bytes[i] = 0;
    expect(utf16WithoutBom(bytes)).toBeNull();
  });
});

describe('UTF-8 validity', () => {
  it('accepts a sample that ends inside a character', () => {
    const bytes = Buffer.from('张三李四', 'utf8');
    for (let cut = 1; cut <= bytes.length; cut++) expect(isUtf8Sample(bytes.subarray(0, cut))).toBe(true);
  });

  it('rejects GBK bytes, overlongs and surrogates', () => {
    expect(isUtf8Sample(iconv.encode(SIMPLIFIED, 'gb18030'))).toBe(false);
    expect(isUtf8Sample(Uint8Array.from([0x41, 0xc0, 0xaf, 0x41]))).toBe(false);
    expect(isUtf8Sample(Uint8Array.from([0xed, 0xa0, 0x80, 0x41]))).toBe(false);
  });

  it('pure ASCII is UTF-8 but not a confident guess', () => {
    expect(detectEncoding(Buffer.from('name,phone\n'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
      confident: false,
    });
    expect(detectEncoding(Buffer.from(SIMPLIFIED))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
      confident: true,
    });
  });
});

describe('GB18030 or Big5', () => {
  it('simplified Chinese in GBK is GB18030', () => {
    expect(detectEncoding(iconv.encode(SIMPLIFIED, 'gbk')).encoding).toBe('gb18030');
    expect(detectEncoding(iconv.encode(SIMPLIFIED.repeat(50), 'gb18030')).encoding).toBe('gb18030');
  });

  it('traditional Chinese in Big5 is Big5, even in a short sample', () => {
    expect(detectEncoding(iconv.encode(TRADITIONAL, 'big5')).encoding).toBe('big5');
    expect(detectEncoding(iconv.encode(TRADITIONAL.repeat(50), 'big5')).encoding).toBe('big5');
  });

  it('Big5 uses second bytes 0x40–0x7E, GB2312 never does', () => {
    expect(lowTrailShare(iconv.encode(TRADITIONAL, 'big5'))).toBeGreaterThan(0.15);
    expect(lowTrailShare(iconv.encode(SIMPLIFIED, 'gb2312'))).toBe(0);
  });

  it('Western text that neither reads cleanly is what chardet says', () => {
    const latin = iconv.encode(
      'Name;Stadt;Notiz\r\nJürgen Müller;Zürich;Café am Ufer, très bien\r\n'.repeat(20),
      'windows-1252',
    );
    expect(classifyLegacy(latin)).toBe('windows-1252');
  });

  it('decoder names: Big5 with the HKSCS extension, GBK and GB2312 as GB18030', () => {
    expect(decoderName('Big5')).toBe('big5hkscs');
    expect(decoderName('GBK')).toBe('gb18030');
    expect(decoderName('gb2312')).toBe('gb18030');
    expect(decoderName('UTF-8')).toBe('utf-8');
  });
});

describe('streaming decoder', () => {
  it('keeps characters split between chunks whole and drops the BOM', () => {
    for (const encoding of ['utf-8', 'gb18030', 'big5', 'utf-16le']) {
      const text = encoding === 'big5' ? TRADITIONAL : SIMPLIFIED;
      const bom =
        encoding === 'utf-8'
          ? Buffer.from([0xef, 0xbb, 0xbf])
          : encoding === 'utf-16le'
            ? Buffer.from([0xff, 0xfe])
            : Buffer.alloc(0);
      const bytes = Buffer.concat([bom, iconv.encode(text, encoding === 'big5' ? 'big5' : encoding)]);
      for (const size of [1, 2, 3, 7]) {
        const decoder = createDecoder(encoding);
        let out = '';
        for (let i = 0; i < bytes.length; i += size) out += decoder.write(bytes.subarray(i, i + size));
        out += decoder.end();
        expect(out).toBe(text);
      }
    }
  });
});
