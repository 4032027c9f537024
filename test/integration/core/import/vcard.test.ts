// vCard import: phone-book exports written from the seeded customers in vCard 3.0 (folded lines, escapes,
// several phones) and 2.1 (quoted-printable in UTF-8 and in GB2312), one source row per card.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { generateCustomers, type GeneratedCustomer } from '../../../fixtures/customers';
import { Random } from '../../../fixtures/random';
import { tempDir } from '../../helpers';
import { readAll } from './support/read';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('closeout-import-vcard-');
});
afterAll(() => dir.remove());

const escape = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line every `width` characters (never inside a surrogate pair) with CRLF + space. */
function fold(line: string, width = 40): string {
  const chars = [...line];
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += width) parts.push(chars.slice(i, i + width).join(''));
  return parts.join('\r\n ');
}

/** Quoted-printable of `text` in `charset`, with soft line breaks every ~60 characters. */
function qp(text: string, charset: string): string {
  let out = '';
  let lineLength = 0;
  for (const byte of iconv.encode(text, charset)) {
    const piece =
      byte >= 0x21 && byte <= 0x7e && byte !== 0x3d
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (lineLength + piece.length > 60) {
      out += '=\r\n';
      lineLength = 0;
    }
    out += piece;
    lineLength += piece.length;
  }
  return out;
}

interface CardTruth {
  name: string;
  phone_1?: string;
  phone_2?: string;
  email_1?: string;
  address_1?: string;
  note?: string;
  bday?: string;
}

function card30(c: GeneratedCustomer, r: Random): { text: string; truth: CardTruth } {
  const { row, truth } = c;
  const name = row.name.trim();
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escape(name)}`];
  const t: CardTruth = { name };
  if (/^[\u4e00-\u9fff]{2,4}$/.test(name)) lines.push(`N:${escape(name[0])};${escape(name.slice(1))};;;`);
  if (row.phone) {
    lines.push(`TEL;TYPE=CELL,VOICE:${escape(row.phone)}`);
    t.phone_1 = row.phone.trim();
    if (r.chance(0.5)) {
      const work = `0755-${r.digits(8)}`;
      lines.push(`TEL;TYPE=WORK:${work}`);
      t.phone_2 = work;
    }
  }
  if (row.email.trim()) {
    lines.push(`EMAIL;TYPE=INTERNET:${escape(row.email)}`);
    t.email_1 = row.email.trim();
  }
  if (row.address.trim()) {
    lines.push(`ADR;TYPE=HOME:;;${escape(row.address)};;;;`);
    t.address_1 = row.address.trim();
  }
  if (row.notes) {
    lines.push(`NOTE:${escape(row.notes)}`);
    t.note = row.notes.replace(/\r\n/g, '\n');
  }
  if (truth.birthDate) {
    lines.push(`BDAY:${truth.birthDate.replace(/-/g, '')}`);
    t.bday = truth.birthDate;
  }
  lines.push('END:VCARD');
  return { text: lines.map((l) => fold(l)).join('\r\n') + '\r\n', truth: t };
}

function card21(c: GeneratedCustomer, charset: 'UTF-8' | 'GB2312'): { text: string; truth: CardTruth } {
  const { row } = c;
  const name = row.name.trim();
  const codec = charset === 'GB2312' ? 'gb18030' : 'utf8';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:2.1',
    `FN;CHARSET=${charset};ENCODING=QUOTED-PRINTABLE:${qp(name, codec)}`,
  ];
  const t: CardTruth = { name };
  if (row.phone) {
    lines.push(`TEL;CELL:${row.phone}`);
    t.phone_1 = row.phone.trim();
  }
  if (row.notes) {
    lines.push(`NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=${charset}:${qp(row.notes, codec)}`);
    t.note = row.notes;
  }
  lines.push('END:VCARD');
  return { text: lines.join('\r\n') + '\r\n', truth: t };
}

describe('vCard', () => {
  it('reads 3.0 and 2.1 cards: folding, escapes, quoted-printable in UTF-8 and GB2312', async () => {
    const r = new Random(41);
    const cards = [...generateCustomers(41, 600)].map((c, i) =>
      i % 3 === 0 ? card30(c, r) : card21(c, i % 3 === 1 ? 'UTF-8' : 'GB2312'),
    );
    expect(cards.filter((c) => c.truth.note?.includes('\n')).length).toBeGreaterThan(0);
    const file = join(dir.path, 'contacts.vcf');
    writeFileSync(
      file,
      'Exported by PhoneSuite\r\n' +
        cards.map((c) => c.text).join('') +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:未写完的名片\r\nTEL:13800000000\r\n',
    );
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({
      format: 'vcard',
      encoding: 'utf-8',
      rowsRead: 601,
      rowsEmitted: 601,
      rowsRejected: 0,
      rowsFlagged: 1,
      headerRow: 0,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 601, kind: 'incomplete-card', emitted: true }),
    ]);
    expect(result.notes.map((n) => n.kind)).toEqual(['lines-outside-cards']);
    expect(result.headers.slice(0, 3)).toEqual(['name', 'family_name', 'given_name']);
    cards.forEach((card, i) => {
      const row = rows[i];
      expect(row.line).toBe(i + 1);
      const picked = Object.fromEntries(Object.keys(card.truth).map((k) => [k, row.values[k]]));
      expect(picked).toEqual(card.truth);
      expect(row.raw.startsWith('BEGIN:VCARD\n')).toBe(true);
      expect(row.raw.endsWith('END:VCARD')).toBe(true);
    });
    const withTypes = rows.find((row) => row.values.phone_2);
    expect(withTypes?.values).toMatchObject({ phone_1_type: 'cell,voice', phone_2_type: 'work' });
    expect(rows[600].values).toEqual({ name: '未写完的名片', phone_1: '13800000000' });
  });

  it('reads a GB18030 vCard file whose values are not quoted-printable', async () => {
    const customers = [...generateCustomers(42, 50)];
    const text = customers
      .map(
        (c) =>
          `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${escape(c.row.name.trim())}\r\nNOTE:${escape(c.row.address)}\r\nEND:VCARD\r\n`,
      )
      .join('');
    const file = join(dir.path, 'gb.vcf');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ encoding: 'gb18030', rowsRead: 50, rowsEmitted: 50 });
    rows.forEach((row, i) => expect(row.values.name).toBe(customers[i].row.name.trim()));
  });
});
