import {
  formatFromName,
  looksBinary,
  sniffMagic,
  textFormat,
  textRefusal,
  zipRefusal,
} from '../../../../electron/core/import/sniff';

describe('magic numbers', () => {
  it.each([
    ['%PDF-1.4', 'a PDF document'],
    ['\x89PNG\r\n\x1a\n....', 'a PNG image'],
    ['\x7fELF\x02\x01', 'a program (ELF executable)'],
    ['\x1f\x8b\x08\x00', 'a gzip archive; extract it first'],
    ['SQLite format 3\x00', 'an SQLite database (a Closeout vault is opened, not imported)'],
  ])('%j is refused', (head, reason) => {
    expect(sniffMagic(Buffer.from(head, 'latin1'))).toEqual({ kind: 'refuse', reason });
  });

  it('ZIPs are looked into; text is decoded', () => {
    expect(sniffMagic(Buffer.from('PK\x03\x04', 'latin1'))).toEqual({ kind: 'zip' });
    expect(sniffMagic(Buffer.from('客户名称,电话'))).toEqual({ kind: 'text' });
    // "MZ" starts a program only when NUL bytes follow.
    expect(sniffMagic(Buffer.from('MZ Trading Co.,13800138000\n'))).toEqual({ kind: 'text' });
  });

  it('a ZIP is a workbook only with xl/workbook.xml', () => {
    expect(zipRefusal(['[Content_Types].xml', 'xl/workbook.xml'])).toBeNull();
    expect(zipRefusal(['word/document.xml'])).toBe('a Word document (.docx)');
    expect(zipRefusal(['mimetype', 'content.xml'])).toMatch(/OpenDocument/);
    expect(zipRefusal(['a.csv'])).toMatch(/ZIP archive/);
  });
});

describe('text', () => {
  it('control characters and undecodable bytes make text binary', () => {
    expect(looksBinary('name,phone\r\n张三,138\r\n\f')).toBe(false);
    expect(looksBinary('ab\x00\x01\x02\x03cd'.repeat(10))).toBe(true);
    expect(looksBinary('\ufffd\ufffdab'.repeat(10))).toBe(true);
  });

  it('HTML and Excel 2003 XML saved as .xls are refused with advice', () => {
    expect(textRefusal('  <!DOCTYPE html><html>')).toMatch(/web page/);
    expect(textRefusal('<table border=1><tr>')).toMatch(/web page/);
    expect(
      textRefusal('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'),
    ).toMatch(/2003 XML/);
    expect(textRefusal('name,phone')).toBeNull();
  });

  it.each([
    ['BEGIN:VCARD\r\nVERSION:3.0', 'a.txt', 'vcard'],
    ['Exported contacts\r\nBEGIN:VCARD\r\n', 'a.vcf', 'vcard'],
    ['[\n  {"name": "张三"}', 'a.txt', 'json'],
    ['[]', 'a.json', 'json'],
    ['[VIP] 客户,电话\n', 'a.csv', 'csv'],
    ['{"name":"张三"}\n{"name":"李四"}\n', 'a.json', 'jsonl'],
    ['{\n  "customers": [', 'a.json', 'json'],
    ['{客户},电话\n', 'a.csv', 'csv'],
    ['\ufeff客户名称,联系电话\r\n', 'a.csv', 'csv'],
  ])('%j (%s) reads as %s', (text, name, format) => {
    expect(textFormat(text, name)).toBe(format);
  });

  it('names suggest formats', () => {
    expect(formatFromName('/x/客户.TSV')).toBe('csv');
    expect(formatFromName('a.xlsm')).toBe('xlsx');
    expect(formatFromName('a.ndjson')).toBe('jsonl');
    expect(formatFromName('a.pdf')).toBeNull();
  });
});
