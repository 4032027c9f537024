// A phone cell → its numbers, as the messy generator writes them and the answer key reads them.
import { normalisePhone } from '../../../../shared/normalise/phone';
import { phonePieces } from '../../../../shared/normalise/phone-cell';
import { phoneCell } from '../../../fixtures/messy/phones';
import { Random } from '../../../fixtures/random';

const valid = (piece: string) => normalisePhone(piece).status === 'valid';
const numbers = (cell: string) =>
  phonePieces(cell, valid).map((piece) => {
    const check = normalisePhone(piece);
    return check.status === 'valid'
      ? `${check.e164}${check.extension ? ` ext ${check.extension}` : ''}`
      : `!${piece}`;
  });

test.each([
  ['13812345678/13912345678', ['+8613812345678', '+8613912345678']],
  ['13812345678；13912345678', ['+8613812345678', '+8613912345678']],
  ['13812345678、021-61234567', ['+8613812345678', '+862161234567']],
  ['13812345678 13912345678', ['+8613812345678', '+8613912345678']],
  ['138 1234 5678', ['+8613812345678']],
  ['0755 8888 9999', ['+8675588889999']],
  ['13812345678\n0755-88889999', ['+8613812345678', '+8675588889999']],
  ['021-61234567转801', ['+862161234567 ext 801']],
  ['021-61234567 ext. 12', ['+862161234567 ext 12']],
  ['021-61234567 x12', ['+862161234567 ext 12']],
  ['0512-86367629-6598', ['+8651286367629 ext 6598']],
  ['+86-10-29999398-4655', ['+861029999398 ext 4655']],
  ['138-1234-5678', ['+8613812345678']],
  ['(010)12345678 分机 23', ['+861012345678 ext 23']],
  ['13812345678(微信同号)', ['+8613812345678']],
  ['13812345678 同微信', ['+8613812345678']],
  ['13812345678 微信同号 / 办公室：021-61234567', ['+8613812345678', '+862161234567']],
  ['手机：13812345678', ['+8613812345678']],
  ['tel:13812345678', ['+8613812345678']],
  ['(+86)13812345678', ['+8613812345678']],
  ['见备注', ['!见备注']],
  ['', []],
])('%j → %j', (cell, expected) => {
  expect(numbers(cell)).toEqual(expected);
});

test('the generator’s messy cells (seeds 1–3000): every number, in order, extensions apart', () => {
  const wrong: string[] = [];
  for (let seed = 1; seed <= 3000; seed++) {
    const cell = phoneCell(new Random(seed), { maxNumbers: 3, messy: true });
    const expected = cell.phones.map((p) => `${p.e164}${p.extension ? ` ext ${p.extension}` : ''}`);
    const got = numbers(cell.text);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      wrong.push(`${JSON.stringify(cell.text)} → ${got.join(' | ')}; want ${expected.join(' | ')}`);
  }
  expect(wrong).toEqual([]);
});
