// Automatic header → field mapping: Chinese and English synonyms, folding, vCard and JSON keys, one
// column per field.
import { completeMapping, duplicateTargets, fieldForHeader, suggestMapping } from '../../../shared/mapping';

describe('fieldForHeader', () => {
  it.each([
    ['客户名称', 'name'],
    ['姓名', 'name'],
    ['联系人', 'name'],
    ['Full Name', 'name'],
    ['CUSTOMER', 'name'],
    ['公司', 'organisation'],
    ['企业名称', 'organisation'],
    ['ORG', 'organisation'],
    ['Company', 'organisation'],
    ['联系电话', 'phone'],
    ['手机号', 'phone'],
    ['移动电话', 'phone'],
    ['Tel', 'phone'],
    ['Mobile', 'phone'],
    ['电子邮箱', 'email'],
    ['E-mail', 'email'],
    ['身份证号', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['ID Number', 'idNumber'],
    ['统一社会信用代码', 'creditCode'],
    ['纳税人识别号', 'creditCode'],
    ['税号', 'creditCode'],
    ['Tax ID', 'creditCode'],
    ['Unified Social Credit Code', 'creditCode'],
    ['通讯地址', 'address'],
    ['Address', 'address'],
    ['国家/地区', 'country'],
    ['Country/Region', 'country'],
    ['购买产品', 'product'],
    ['服务', 'product'],
    ['最近下单', 'lastOrderDate'],
    ['Last Order Date', 'lastOrderDate'],
    ['累计消费', 'lifetimeValue'],
    ['Total Spent', 'lifetimeValue'],
    ['Lifetime Value', 'lifetimeValue'],
    ['备注', 'notes'],
    ['Remark', 'notes'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('folds case, full width, spaces and punctuation', () => {
    expect(fieldForHeader('  联系 电话 ')).toBe('phone');
    expect(fieldForHeader('ＰＨＯＮＥ')).toBe('phone');
    expect(fieldForHeader('e_mail')).toBe('email');
    expect(fieldForHeader('身份证号：')).toBe('idNumber');
  });

  it('reads vCard keys and flattened JSON keys', () => {
    expect(fieldForHeader('name')).toBe('name');
    expect(fieldForHeader('org')).toBe('organisation');
    expect(fieldForHeader('phone_1')).toBe('phone');
    expect(fieldForHeader('email_1')).toBe('email');
    expect(fieldForHeader('address_1')).toBe('address');
    expect(fieldForHeader('adr')).toBe('address');
    expect(fieldForHeader('note')).toBe('notes');
    expect(fieldForHeader('contact.phone')).toBe('phone');
    expect(fieldForHeader('customer.email')).toBe('email');
  });

  it('leaves unknown columns alone', () => {
    for (const header of ['会员等级', 'phone_1_type', 'family_name', 'bday', 'col_M', '', '订单数']) {
      expect(fieldForHeader(header)).toBeNull();
    }
  });
});

describe('suggestMapping', () => {
  it('maps each field once; later columns for the same field and unknown ones are extra', () => {
    expect(suggestMapping(['姓名', '手机', '电话', 'phone_2', '积分'])).toEqual({
      姓名: 'name',
      手机: 'phone',
      电话: 'extra',
      phone_2: 'extra',
      积分: 'extra',
    });
    expect(suggestMapping(['name', 'phone_1', 'phone_1_type', 'phone_2', 'email_1', 'org', 'note'])).toEqual({
      name: 'name',
      phone_1: 'phone',
      phone_1_type: 'extra',
      phone_2: 'extra',
      email_1: 'email',
      org: 'organisation',
      note: 'notes',
    });
  });
});

describe('completeMapping', () => {
  it('keeps the given choices, suggests the rest, and never lets a suggestion take a given field', () => {
    expect(completeMapping(['手机', '电话', '姓名'], { 电话: 'phone', 手机: 'skip' })).toEqual({
      手机: 'skip',
      电话: 'phone',
      姓名: 'name',
    });
  });

  it("ignores a template's columns this file does not have", () => {
    expect(completeMapping(['Name', 'Phone'], { 客户名称: 'name', 联系电话: 'phone' })).toEqual({
      Name: 'name',
      Phone: 'phone',
    });
  });

  it('finds fields used twice', () => {
    expect(
      duplicateTargets({ a: 'phone', b: 'phone', c: 'extra', d: 'extra', e: 'skip', f: 'skip' }),
    ).toEqual(['phone']);
  });
});
