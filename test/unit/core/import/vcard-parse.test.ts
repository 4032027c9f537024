import iconv from 'iconv-lite';
import {
  cardValues,
  decodeQuotedPrintable,
  parseProperty,
  splitStructured,
  unescapeText,
  VCardSplitter,
  type VCardProperty,
} from '../../../../electron/core/import/vcard';

const props = (...lines: string[]) =>
  lines.map((l) => parseProperty(l)).filter((p): p is VCardProperty => p !== null);

describe('properties', () => {
  it('parses group, name, parameters and value', () => {
    const p = parseProperty('item1.TEL;TYPE=CELL,VOICE;PREF=1:+86 138 0013 8000')!;
    expect(p.group).toBe('item1');
    expect(p.name).toBe('TEL');
    expect(Object.fromEntries(p.params)).toEqual({ TYPE: ['CELL', 'VOICE'], PREF: ['1'] });
    expect(p.value).toBe('+86 138 0013 8000');
  });

  it('reads vCard 2.1 bare parameters and quoted parameter values', () => {
    const p = parseProperty('NOTE;CHARSET=UTF-8;QUOTED-PRINTABLE;HOME:x')!;
    expect(Object.fromEntries(p.params)).toEqual({
      CHARSET: ['UTF-8'],
      ENCODING: ['QUOTED-PRINTABLE'],
      TYPE: ['HOME'],
    });
    const q = parseProperty('ADR;LABEL="Room 1: Block A";TYPE=work:;;Main St;;;;')!;
    expect(q.params.get('LABEL')).toEqual(['Room 1: Block A']);
    expect(q.value).toBe(';;Main St;;;;');
    expect(parseProperty('not a property')).toBeNull();
  });
});

describe('values', () => {
  it('decodes quoted-printable in UTF-8 and GB2312', () => {
    expect(decodeQuotedPrintable('=E5=BC=A0=E4=B8=89')).toBe('张三');
    const gb = [...iconv.encode('李四 备注', 'gb2312')]
      .map((b) => `=${b.toString(16).toUpperCase()}`)
      .join('');
    expect(decodeQuotedPrintable(gb, 'GB2312')).toBe('李四 备注');
    expect(decodeQuotedPrintable('a=3Db=')).toBe('a=b');
  });

  it('splits structured values on unescaped semicolons and undoes escapes', () => {
    expect(splitStructured('张;三\\;丰;;')).toEqual(['张', '三\\;丰', '', '']);
    expect(unescapeText('a\\,b\\;c\\nd\\\\e\\Nf')).toBe('a,b;c\nd\\e\nf');
  });

  it('builds the row: name from FN or N, numbered phones and e-mails with types, addresses', () => {
    expect(
      cardValues(
        props(
          'N:张;三;;;',
          'TEL;TYPE=CELL:13800138000',
          'TEL;TYPE=WORK,VOICE:tel:+86-755-1234-5678',
          'EMAIL;TYPE=INTERNET:zs@163.com',
          'ADR;TYPE=HOME:;;科技园路1号;深圳市;广东省;518000;中国',
          'ORG:某某公司;销售部',
          'NOTE:第一行\\n第二行',
          'BDAY:19900415',
        ),
      ),
    ).toEqual({
      name: '张三',
      family_name: '张',
      given_name: '三',
      org: '某某公司 / 销售部',
      phone_1: '13800138000',
      phone_1_type: 'cell',
      phone_2: '+86-755-1234-5678',
      phone_2_type: 'work,voice',
      email_1: 'zs@163.com',
      address_1: '中国广东省深圳市科技园路1号518000',
      address_1_type: 'home',
      note: '第一行\n第二行',
      bday: '1990-04-15',
    });
    expect(cardValues(props('N:Smith;John;;Dr.;', 'ADR:;;1 Main St;Springfield;IL;62701;USA'))).toEqual({
      name: 'Dr. John Smith',
      family_name: 'Smith',
      given_name: 'John',
      address_1: '1 Main St, Springfield, IL, 62701, USA',
    });
  });
});

describe('card splitter', () => {
  it('unfolds folded lines and joins quoted-printable soft breaks', () => {
    const cards: Array<{ index: number; props: VCardProperty[]; complete: boolean }> = [];
    const splitter = new VCardSplitter(1 << 20, (c) => cards.push(c));
    const lines = [
      'BEGIN:VCARD',
      'FN:张',
      ' 三',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E7=AC=AC=E4=B8=80=',
      '=E8=A1=8C',
      'END:VCARD',
      'junk between cards',
      'BEGIN:VCARD',
      'FN:李四',
    ];
    for (const l of lines) splitter.line(l);
    splitter.end();
    expect(cards.map((c) => [c.index, c.complete, cardValues(c.props)])).toEqual([
      [1, true, { name: '张三', note: '第一行' }],
      [2, false, { name: '李四' }],
    ]);
    expect(splitter.outside).toBe(1);
  });
});
