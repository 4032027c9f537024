// What a customer-type cell says, and firms known by the shape of their name.
import { customerTypeOf, firmByShape } from '../../../shared/customer/customer-type';
import { TYPE_WORDS } from '../../fixtures/messy';

test.each([
  ['个人', 'individual'],
  [' 个人客户 ', 'individual'],
  ['B2C', 'individual'],
  ['Individual', 'individual'],
  ['PERSONAL', 'individual'],
  ['企业', 'business'],
  ['公司', 'business'],
  ['企业客户', 'business'],
  ['单位', 'business'],
  ['个体', 'business'],
  ['个体户', 'business'],
  ['b2b', 'business'],
  ['Business', 'business'],
  ['Company', 'business'],
  ['ＶＩＰ', null],
  ['老客户', null],
  ['', null],
  [null, null],
])('%j → %s', (cell, type) => {
  expect(customerTypeOf(cell)).toBe(type);
});

test('every word the messy generator writes is understood as the key says', () => {
  for (const [type, words] of Object.entries(TYPE_WORDS))
    for (const word of words) expect([word, customerTypeOf(word)]).toEqual([word, type]);
});

test.each([
  ['利豐行', true],
  ['德昌行', true],
  ['金寶行', true],
  ['萬和行', true],
  ['林行', false],
  ['张一行', false],
  ['陳志行', false],
  ['李小花', false],
  ['中国银行', true],
  ['', false],
])('firmByShape(%j) → %s', (name, firm) => {
  expect(firmByShape(name)).toBe(firm);
});
