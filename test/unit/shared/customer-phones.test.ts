// The `phones` column: written only when there is more to say than the phone (a further number, an
// extension, a type), read back entry for entry, types included; an unreadable column reads as the phone.
import { decodePhones, encodePhones, type PhoneEntry } from '../../../shared/customer/phones';

const mobile: PhoneEntry = { number: '+8613800138000', extension: null, status: 'valid' };

test('the phone alone, without extension or type, needs no column', () => {
  expect(encodePhones([mobile])).toBeNull();
  expect(encodePhones([])).toBeNull();
  expect(decodePhones(mobile.number, 'valid', null)).toEqual([mobile]);
});

test('types and extensions round-trip; entries without a type stay without one', () => {
  const entries: PhoneEntry[] = [
    { ...mobile, type: 'cell' },
    { number: '+862161234567', extension: '801', status: 'valid', type: 'work,voice' },
    { number: '12345', extension: null, status: 'invalid' },
  ];
  const stored = encodePhones(entries);
  expect(stored).not.toBeNull();
  expect(decodePhones(mobile.number, 'valid', stored)).toEqual(entries);
  expect(encodePhones([{ ...mobile, type: 'cell' }])).not.toBeNull();
});

test('a column that is not a list of entries reads as the phone alone', () => {
  expect(decodePhones(mobile.number, 'valid', '[["+86138", null, "valid", 7]]')).toEqual([mobile]);
  expect(decodePhones(mobile.number, 'valid', 'not json')).toEqual([mobile]);
});
