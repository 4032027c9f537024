// The streamed check for a second encoding further into a text file: the same first line named however
// the file is cut into chunks (a UTF-8 character, a GBK character or a CRLF split between two), line
// breaks counted as CRLF, LF or a lone CR; a damaged byte or a short GBK name that happens to be valid
// UTF-8 is not a second encoding.
import iconv from 'iconv-lite';
import { encodingBreakCheck, utf8ChineseLine } from '../../../../electron/core/import/encoding-break';

const gbk = (text: string) => iconv.encode(text, 'gbk');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function scan(bytes: Buffer, encoding: string, chunk: number) {
  const check = encodingBreakCheck(encoding)!;
  for (let at = 0; at < bytes.length; at += chunk) {
    const found = check.check(bytes.subarray(at, at + chunk));
    if (found) return found;
  }
  return check.end();
}

const CHUNKS = [1, 2, 3, 5, 7, 64, 1 << 20];

describe('UTF-8, then GBK', () => {
  const head = utf8('姓名,电话,地址\r\n张三,13800138000,"上海市\r浦东新区"\n李四,13900139000,北京\r\n');
  const bytes = Buffer.concat([head, gbk('王五,13700137000,广州市天河区\r\n赵六,13600136000,深圳\r\n')]);

  it.each(CHUNKS)('names line 5 (CR, LF and CRLF counted) in chunks of %i bytes', (chunk) => {
    expect(scan(bytes, 'utf-8', chunk)).toEqual({ line: 5, encoding: 'UTF-8', other: 'GBK/GB18030' });
  });

  it('finds the break on a last line without a line break', () => {
    const last = Buffer.concat([head, gbk('王五,13700137000,广州市天河区')]);
    for (const chunk of CHUNKS) expect(scan(last, 'utf-8', chunk)?.line).toBe(5);
  });

  it('a damaged byte is not a second encoding (its row is flagged undecodable instead)', () => {
    const damaged = Buffer.concat([head, Buffer.from([0xff, 0x0d, 0x0a]), utf8('王五,13700137000\r\n')]);
    for (const chunk of CHUNKS) expect(scan(damaged, 'utf-8', chunk)).toBeNull();
  });

  it('many damaged lines (a Latin-1 tail) are damage, not GBK, and are checked in linear time', () => {
    const latin1 = Buffer.from('café,13700137000,Zürich\r\n'.repeat(40_000), 'latin1');
    const started = Date.now();
    expect(scan(Buffer.concat([head, latin1]), 'utf-8', 1 << 20)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
    // Past 32 damaged lines the file counts as damaged: GBK further on is left to the undecodable flag.
    const later = Buffer.concat([
      head,
      latin1.subarray(0, 26 * 40),
      gbk('王五,13700137000,广州市天河区\r\n'),
    ]);
    expect(scan(later, 'utf-8', 1 << 20)).toBeNull();
  });

  it('a file all in UTF-8 has no break', () => {
    for (const chunk of CHUNKS) expect(scan(Buffer.concat([head, head]), 'utf-8', chunk)).toBeNull();
  });
});

describe('GBK, then UTF-8', () => {
  const head = gbk('姓名,电话,地址\r\n谭然,17848646282,\r\n张三,13800138000,"上海市\n浦东新区"\r\n');
  const bytes = Buffer.concat([head, utf8('王五,13700137000,广州市天河区\r\n')]);

  it.each(CHUNKS)('names line 5 in chunks of %i bytes', (chunk) => {
    expect(scan(bytes, 'gb18030', chunk)).toEqual({ line: 5, encoding: 'GBK/GB18030', other: 'UTF-8' });
  });

  it('a short GBK name that is valid UTF-8 by chance (谭然 = CC B7 C8 BB) is not UTF-8 Chinese', () => {
    expect(utf8ChineseLine(gbk('谭然,17848646282,'))).toBe(false);
    expect(utf8ChineseLine(utf8('谭然,17848646282,广州市天河区'))).toBe(true);
    expect(utf8ChineseLine(utf8('Alice,17848646282'))).toBe(false);
  });

  it('a file all in GBK has no break; neither does Big5 text read as Big5', () => {
    for (const chunk of CHUNKS) expect(scan(Buffer.concat([head, head]), 'gb18030', chunk)).toBeNull();
    expect(scan(iconv.encode('陳大文,電話\r\n香港九龍\r\n', 'big5'), 'big5', 3)).toBeNull();
  });
});

it('applies to UTF-8, GB18030 and Big5 only', () => {
  expect(encodingBreakCheck('utf-16le')).toBeNull();
  expect(encodingBreakCheck('shift_jis')).toBeNull();
});
