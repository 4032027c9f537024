import {
  cellJson,
  cellText,
  dateText,
  isDateFormat,
  numberText,
  serialToDate,
} from '../../../../electron/core/import/xlsx-cells';

describe('number formats', () => {
  it.each(['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日', 'h:mm:ss', 'mm-dd-yy'])(
    '%s is a date',
    (f) => expect(isDateFormat(f)).toBe(true),
  );
  it.each([
    'General',
    '0.00',
    '#,##0 "元"',
    '0.00E+00',
    '@',
    '[Red]0.0',
    '[h]:mm',
    '_("¥"* #,##0_)',
    undefined,
  ])('%s is not a date', (f) => expect(isDateFormat(f)).toBe(false));
});

describe('dates', () => {
  it('formats from the UTC fields, so no timezone shifts the day', () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 13, 30, 0)))).toBe('2024-01-05 13:30:00');
    expect(dateText(serialToDate(45296, false))).toBe('2024-01-05');
    expect(dateText(serialToDate(45296 - 1462, true))).toBe('2024-01-05');
    expect(dateText(serialToDate(0.5, false))).toBe('12:00:00');
    expect(dateText(serialToDate(45296.99999999, false))).toBe('2024-01-06');
  });
});

describe('numbers', () => {
  it('shows what Excel shows (15 significant digits)', () => {
    expect(numberText(Number('1234.5600000000001'))).toBe('1234.56');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(Number('440101199001011234'))).toBe('440101199001011000');
    expect(numberText(-0)).toBe('0');
  });
});

describe('cell values', () => {
  it('turns every exceljs value into the text Excel shows', () => {
    expect(cellText(null, undefined, false)).toBe('');
    expect(cellText(true, undefined, false)).toBe('TRUE');
    expect(cellText({ richText: [{ text: '重要' }, { text: '客户' }] }, undefined, false)).toBe('重要客户');
    expect(cellText({ formula: 'A1*2', result: 0 }, undefined, false)).toBe('0');
    expect(cellText({ formula: 'TODAY()', result: 45296 }, 'yyyy-mm-dd', false)).toBe('2024-01-05');
    expect(cellText({ formula: 'A1', result: { error: '#N/A' } }, undefined, false)).toBe('#N/A');
    expect(cellText({ error: '#DIV/0!' }, undefined, false)).toBe('#DIV/0!');
    expect(cellText({ text: '官网', hyperlink: 'https://example.invalid' }, undefined, false)).toBe('官网');
  });

  it('raw JSON keeps types and formulas', () => {
    expect(cellJson(12, '12')).toBe(12);
    expect(cellJson(new Date(Date.UTC(2024, 0, 5)), '2024-01-05')).toBe('2024-01-05');
    expect(cellJson({ formula: 'A1*2', result: 4 }, '4')).toEqual({ formula: 'A1*2', result: '4' });
  });
});
