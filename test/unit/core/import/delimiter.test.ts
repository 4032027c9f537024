import {
  detectDelimiter,
  detectNewline,
  fieldCounts,
  sepLine,
} from '../../../../electron/core/import/delimiter';

describe('record separators', () => {
  it('finds CRLF, LF or CR outside quotes', () => {
    expect(detectNewline('a,b\r\n1,2')).toBe('\r\n');
    expect(detectNewline('a,b\n1,2')).toBe('\n');
    expect(detectNewline('a,b\r1,2')).toBe('\r');
    expect(detectNewline('"x\ny",b\r\n1,2')).toBe('\r\n');
    expect(detectNewline('a,b')).toBe('\n');
  });
});

describe('field counts', () => {
  it('ignores delimiters and line breaks inside quotes', () => {
    const sample = 'a,b,c\r\n"1,5","line\r\nbreak",x\r\n"say ""hi""",2,3\r\n';
    expect(fieldCounts(sample, ',', true)).toEqual([3, 3, 3]);
  });

  it('drops the last record when the sample may have cut it', () => {
    expect(fieldCounts('a,b\n1,2\n3', ',', false)).toEqual([2, 2]);
    expect(fieldCounts('a,b\n1,2\n3', ',', true)).toEqual([2, 2, 1]);
  });
});

describe('delimiter', () => {
  it('picks the delimiter that splits records consistently', () => {
    expect(detectDelimiter('name,phone,notes\n张三,138,"a;b;c"\n李四,139,x;y\n', true)).toBe(',');
    expect(detectDelimiter('name\tphone\tnotes\n张三\t138\ta,b\n李四\t139\tc,d,e\n', true)).toBe('\t');
    expect(detectDelimiter('Name;Stadt\nJürgen;Zürich, CH\nAnna;Bern\n', true)).toBe(';');
    expect(detectDelimiter('姓名|电话\n张三|138\n李四|139\n', true)).toBe('|');
  });

  it('falls back to a comma for a single column, and lets a .tsv name win a tie', () => {
    expect(detectDelimiter('phone\n13800138000\n13900139000\n', true)).toBe(',');
    expect(detectDelimiter('a,b\tc\n1,2\t3\n', true, '\t')).toBe('\t');
  });

  it("reads Excel's sep= line", () => {
    expect(sepLine('sep=;\r\na;b\r\n')).toEqual({ delimiter: ';', length: 7 });
    expect(sepLine('a;b\r\n')).toBeNull();
  });
});
